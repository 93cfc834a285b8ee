// Fixtures run side by side (tests within a fixture one after another). Most tests wait on sockets or on a bot
// process starting, so a few more workers than the two cores keep both busy. Fixtures that measure time
// (heartbeats, acknowledgement deadlines, load) are [NonParallelizable]: NUnit never runs those beside another.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
