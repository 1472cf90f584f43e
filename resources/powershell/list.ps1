<#
.SYNOPSIS
    Rekey: list the local (SAM) user accounts of this computer. Changes nothing.

.DESCRIPTION
    What it does:
      - reads every local user with Get-LocalUser (name, full name, SID, enabled,
        principal source, password last set, password expires, last logon);
      - reads two flags per account with ADSI (the WinNT provider, which is the SAM):
        UserFlags bit 0x10000 "password never expires", and PasswordExpired, which is
        "user must change password at next logon";
      - reads the members of every local group, so Rekey can tell who is an
        administrator by the group's SID (S-1-5-32-544), never by its translated name;
      - reports the RID of each account: 500 Administrator, 501 Guest,
        503 DefaultAccount, 504 WDAGUtilityAccount, whatever they are called here;
      - reports which account runs this script (in a remote session, that is the
        account Rekey connected with).

    What it never does: it never changes an account, a group or a setting, and it
    never reads, sets or shows a password.

    Input:  -Payload, base64 of UTF-8 JSON: {"v":1}
    Output: one line, "REKEY1:" followed by base64 of UTF-8 JSON
            {v, computerName, remote, callerName, callerSid, culture, accounts[], warnings[]}
            (every date is an ISO 8601 string or null). See main/windows/protocol.ts.
#>
param(
    [Parameter(Mandatory = $true)]
    [string]$Payload
)

$ErrorActionPreference = 'Stop'

# @rekey-common: Rekey inserts common.ps1 (the Windows seam and shared helpers) here.

# --- What this script does ------------------------------------------------------
$null = ConvertFrom-RekeyPayload -Data $Payload
$warnings = [System.Collections.Generic.List[string]]::new()
$caller = Get-RekeyCallerIdentity

# Group memberships by member SID. Get-LocalGroupMember fails on a group holding an
# orphaned SID; then ADSI lists the members instead, and only if that fails too is the
# group reported as unreadable. The listing goes on either way.
$groupsBySid = @{}
function Add-RekeyMembership {
    param(
        [Parameter(Mandatory = $true)]
        [string]$MemberSid,
        [Parameter(Mandatory = $true)]
        $Group
    )
    if (-not $groupsBySid.ContainsKey($MemberSid)) {
        $groupsBySid[$MemberSid] = [System.Collections.Generic.List[object]]::new()
    }
    $groupsBySid[$MemberSid].Add([ordered]@{
            name = [string]$Group.Name
            sid  = [string]$Group.SID
        })
}
foreach ($group in @(Get-LocalGroup)) {
    try {
        $members = @(Get-LocalGroupMember -Group $group | ForEach-Object { [string]$_.SID })
    }
    catch {
        $problem = $_.Exception.Message
        try {
            $members = @(Get-RekeyAdsiGroupMemberSid -GroupName ([string]$group.Name))
            $warnings.Add("Get-LocalGroupMember could not read the local group '$($group.Name)' ($problem), so its members were read with ADSI.")
        }
        catch {
            $members = @()
            $warnings.Add("The members of the local group '$($group.Name)' could not be read: $problem")
        }
    }
    foreach ($memberSid in $members) {
        Add-RekeyMembership -MemberSid $memberSid -Group $group
    }
}

$accounts = [System.Collections.Generic.List[object]]::new()
foreach ($user in @(Get-LocalUser)) {
    $sid = [string]$user.SID
    $groups = @()
    if ($groupsBySid.ContainsKey($sid)) {
        $groups = $groupsBySid[$sid].ToArray()
    }
    $source = [string]$user.PrincipalSource
    if (-not $source) {
        # Windows 8.1 and older do not fill PrincipalSource; everything Get-LocalUser lists there is local.
        $source = 'Local'
    }
    $account = [ordered]@{
        name                  = [string]$user.Name
        fullName              = [string]$user.FullName
        description           = [string]$user.Description
        sid                   = $sid
        rid                   = (Get-RekeyRid -Sid $sid)
        enabled               = [bool]$user.Enabled
        principalSource       = $source
        passwordLastSet       = (ConvertTo-RekeyIsoDate -Value $user.PasswordLastSet)
        passwordExpires       = (ConvertTo-RekeyIsoDate -Value $user.PasswordExpires)
        lastLogon             = (ConvertTo-RekeyIsoDate -Value $user.LastLogon)
        userMayChangePassword = [bool]$user.UserMayChangePassword
        passwordRequired      = [bool]$user.PasswordRequired
        neverExpires          = $null
        passwordExpired       = $null
        groups                = $groups
        isCurrentUser         = ($caller.Sid -eq $sid)
    }
    try {
        $entry = Get-RekeyAdsiUser -Name $account.name
        $account.neverExpires = ((Read-RekeyAdsiInt -Entry $entry -Property 'UserFlags') -band 0x10000) -ne 0
        $account.passwordExpired = (Read-RekeyAdsiInt -Entry $entry -Property 'PasswordExpired') -eq 1
    }
    catch {
        $warnings.Add("The password flags of '$($account.name)' could not be read with ADSI: $($_.Exception.Message)")
    }
    $accounts.Add($account)
}

ConvertTo-RekeyResult -Reply ([ordered]@{
        v            = 1
        computerName = (Get-RekeyComputerName)
        remote       = [bool](Test-RekeyRemoteSession)
        callerName   = [string]$caller.Name
        callerSid    = [string]$caller.Sid
        culture      = [System.Globalization.CultureInfo]::CurrentCulture.Name
        accounts     = $accounts.ToArray()
        warnings     = $warnings.ToArray()
    })
