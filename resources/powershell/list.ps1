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

# --- Windows seam -------------------------------------------------------------
# Every Windows-only call in this script goes through one of these functions.
# On Windows nothing defines them beforehand, so the definitions below are used.
# Rekey's tests import SimulatedSam.psm1 first, which defines the same names over
# an in-memory account database (and Get-LocalUser, Get-LocalGroup and
# Get-LocalGroupMember, since a function wins over a cmdlet of the same name).
if (-not (Get-Command -Name 'Get-RekeyAdsiUser' -CommandType Function -ErrorAction SilentlyContinue)) {
    function Get-RekeyAdsiUser {
        param(
            [Parameter(Mandatory = $true)]
            [string]$Name
        )
        # The WinNT provider talks to the SAM of this computer ("."). The name was
        # checked by Test-RekeyAccountName, so it cannot change the path.
        [ADSI]"WinNT://./$Name,user"
    }
}
if (-not (Get-Command -Name 'Get-RekeyAdsiGroupMemberSid' -CommandType Function -ErrorAction SilentlyContinue)) {
    function Get-RekeyAdsiGroupMemberSid {
        param(
            [Parameter(Mandatory = $true)]
            [string]$GroupName
        )
        # Get-LocalGroupMember fails on a group that holds a SID nobody can resolve any
        # more (common after Azure AD joins); the WinNT provider still lists every member.
        $group = [ADSI]"WinNT://./$GroupName,group"
        foreach ($member in @($group.psbase.Invoke('Members'))) {
            $bytes = $member.GetType().InvokeMember('objectSid', 'GetProperty', $null, $member, $null)
            (New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList $bytes, 0).Value
        }
    }
}
if (-not (Get-Command -Name 'Invoke-RekeyNetUser' -CommandType Function -ErrorAction SilentlyContinue)) {
    function Invoke-RekeyNetUser {
        param(
            [Parameter(Mandatory = $true)]
            [string[]]$Arguments
        )
        # net.exe writes in the OEM code page (850 on a German or French system);
        # decode it with that code page, not with the UTF-8 this session uses.
        $ErrorActionPreference = 'Continue'
        $previous = [Console]::OutputEncoding
        try {
            $oem = [System.Text.Encoding]::GetEncoding([System.Globalization.CultureInfo]::CurrentCulture.TextInfo.OEMCodePage)
            try {
                [Console]::OutputEncoding = $oem
            }
            catch {
                # No console in a remoting session: PowerShell already decodes with the OEM code page.
            }
            $netExe = Join-Path -Path $env:SystemRoot -ChildPath 'System32\net.exe'
            $lines = @(& $netExe @Arguments 2>&1 | ForEach-Object { [string]$_ })
            [pscustomobject]@{
                ExitCode = [int]$LASTEXITCODE
                Lines    = $lines
            }
        }
        finally {
            try {
                [Console]::OutputEncoding = $previous
            }
            catch {
                # See above.
            }
        }
    }
}
if (-not (Get-Command -Name 'Get-RekeyComputerName' -CommandType Function -ErrorAction SilentlyContinue)) {
    function Get-RekeyComputerName {
        [System.Environment]::MachineName
    }
}
if (-not (Get-Command -Name 'Get-RekeyCallerIdentity' -CommandType Function -ErrorAction SilentlyContinue)) {
    function Get-RekeyCallerIdentity {
        $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
        [pscustomobject]@{
            Name = [string]$identity.Name
            Sid  = [string]$identity.User.Value
        }
    }
}
if (-not (Get-Command -Name 'Test-RekeyElevated' -CommandType Function -ErrorAction SilentlyContinue)) {
    function Test-RekeyElevated {
        $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
        $principal = New-Object -TypeName System.Security.Principal.WindowsPrincipal -ArgumentList $identity
        $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
    }
}
if (-not (Get-Command -Name 'Test-RekeyRemoteSession' -CommandType Function -ErrorAction SilentlyContinue)) {
    function Test-RekeyRemoteSession {
        # Set by PowerShell remoting on the remote side; absent in a local session.
        $null -ne $PSSenderInfo
    }
}

# --- Helpers shared by every Rekey script (kept identical; a test checks) --------
function ConvertFrom-RekeyPayload {
    param(
        [Parameter(Mandatory = $true)]
        [string]$Data
    )
    ConvertFrom-Json -InputObject ([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($Data)))
}

function ConvertTo-RekeyResult {
    param(
        [Parameter(Mandatory = $true)]
        $Reply
    )
    # Every value in $Reply is already a string, number, boolean or null:
    # Windows PowerShell 5.1 would otherwise write dates as \/Date(ms)\/ and enums as numbers.
    $json = ConvertTo-Json -InputObject $Reply -Depth 8 -Compress
    'REKEY1:' + [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($json))
}

function ConvertTo-RekeyIsoDate {
    param(
        $Value
    )
    if ($null -eq $Value) {
        return $null
    }
    ([datetime]$Value).ToString('o', [System.Globalization.CultureInfo]::InvariantCulture)
}

function Read-RekeyAdsiInt {
    param(
        [Parameter(Mandatory = $true)]
        $Entry,
        [Parameter(Mandatory = $true)]
        [string]$Property
    )
    # [ADSI] hands out a PropertyValueCollection; its Value is the number.
    $value = $Entry.$Property
    if ($null -ne $value -and $null -ne $value.PSObject.Properties['Value']) {
        $value = $value.Value
    }
    if ($null -eq $value) {
        throw "ADSI returned no $Property value."
    }
    [int64]$value
}

function Get-RekeyRid {
    param(
        [Parameter(Mandatory = $true)]
        [string]$Sid
    )
    [int64](($Sid -split '-')[-1])
}

function Test-RekeyAccountName {
    param(
        [AllowEmptyString()]
        [string]$Name
    )
    # A SAM account name: 1 to 20 characters, none of " / \ [ ] : ; | = , + * ? < >,
    # and not only dots and spaces.
    ($Name.Length -ge 1) -and ($Name.Length -le 20) -and ($Name -notmatch '["/\\\[\]:;|=,+*?<>]') -and ($Name -notmatch '^[. ]+$')
}

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
