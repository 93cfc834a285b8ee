namespace Bot.Discord.Entities;

/// <summary>Discord permission bits (the ones a command attribute is likely to name).</summary>
[Flags]
#pragma warning disable CA1028 // Discord's permission set is a 64-bit field.
public enum Permissions : ulong
#pragma warning restore CA1028
{
    None = 0,
    CreateInstantInvite = 1UL << 0,
    KickMembers = 1UL << 1,
    BanMembers = 1UL << 2,
    Administrator = 1UL << 3,
    ManageChannels = 1UL << 4,
    ManageGuild = 1UL << 5,
    AddReactions = 1UL << 6,
    ViewAuditLog = 1UL << 7,
    ViewChannel = 1UL << 10,
    SendMessages = 1UL << 11,
    ManageMessages = 1UL << 13,
    AttachFiles = 1UL << 15,
    ManageRoles = 1UL << 28,
    ManageWebhooks = 1UL << 29,
    ModerateMembers = 1UL << 40,
}
