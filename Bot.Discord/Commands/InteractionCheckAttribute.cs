namespace Bot.Discord.Commands;

/// <summary>
/// A precondition of every command of a module (and of its nested groups) or of one command, checked after the
/// options are bound and before the module is created. A refusal is answered privately, as the one line the
/// invoker sees, and the handler does not run; so handlers hold no early returns for who may run them.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public abstract class InteractionCheckAttribute : Attribute
{
    /// <summary>Null to run the command; else the line that answers the invoker instead.</summary>
    public abstract Task<string?> RefusalAsync(InteractionContext ctx);
}
