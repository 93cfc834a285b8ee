using Bot.Cli;

return await CliApp.RunAsync(args);
