using Bot.Discord.Entities;

namespace Bot.Discord.Commands;

/// <summary>
/// <c>default_member_permissions</c>: only members with these permissions see and run the command
/// (server admins can change it per role). On a group class or a top-level command method.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SlashCommandPermissionsAttribute(Permissions permissions) : Attribute
{
    public Permissions Permissions { get; } = permissions;
}
