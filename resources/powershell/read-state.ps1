<#
.SYNOPSIS
    Rekey: re-read the password state of local (SAM) accounts, to prove a reset held. Changes nothing.

.DESCRIPTION
    What it does, for each account in the request (found by its SID):
      - ADSI (WinNT provider): PasswordExpired, which is 1 exactly when the user must
        change the password at next logon, and UserFlags (bit 0x10000 = password never
        expires, which silently cancels the must-change state);
      - Get-LocalUser: enabled, principal source, password last set (empty while the
        user must change the password), password expires, last logon;
      - the raw text of "net user NAME", decoded with this computer's OEM code page, so
        a helpdesk can see what Windows itself prints. net user has no line for
        "must change password at next logon", so that text is evidence, not the proof.
    It also reports the culture, whose date format net user uses.

    What it never does: it never changes an account or a setting, and never reads,
    sets or shows a password. It does nothing if the request was meant for another computer.

    Input:  -Payload, base64 of UTF-8 JSON:
            {"v":1, "targets":[{"computerName":"PC01", "items":[{"sid":"S-1-5-21-...-1001", "name":"anna"}]}]}
    Output: one line, "REKEY1:" followed by base64 of UTF-8 JSON
            {v, computerName, matched, culture, shortDatePattern, longTimePattern,
             items:[{sid, name, found, currentName, adsi, adsiError, localUser,
             localUserError, netUser, netUserError}]}. See main/windows/protocol.ts.
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
function Read-RekeyAccountState {
    param(
        [Parameter(Mandatory = $true)]
        $Item
    )
    $state = [ordered]@{
        sid            = [string]$Item.sid
        name           = [string]$Item.name
        found          = $false
        currentName    = $null
        adsi           = $null
        adsiError      = $null
        localUser      = $null
        localUserError = $null
        netUser        = $null
        netUserError   = $null
    }
    try {
        $user = Get-LocalUser -SID $state.sid -ErrorAction Stop
    }
    catch {
        $state.localUserError = "No local account with SID $($state.sid) exists here: $($_.Exception.Message)"
        return $state
    }
    $state.found = $true
    $state.currentName = [string]$user.Name
    $state.localUser = [ordered]@{
        enabled         = [bool]$user.Enabled
        principalSource = [string]$user.PrincipalSource
        passwordLastSet = (ConvertTo-RekeyIsoDate -Value $user.PasswordLastSet)
        passwordExpires = (ConvertTo-RekeyIsoDate -Value $user.PasswordExpires)
        lastLogon       = (ConvertTo-RekeyIsoDate -Value $user.LastLogon)
    }
    if (-not (Test-RekeyAccountName -Name $state.currentName)) {
        $state.adsiError = "'$($state.currentName)' is not a valid local account name, so it was not looked up."
        return $state
    }
    try {
        $entry = Get-RekeyAdsiUser -Name $state.currentName
        $state.adsi = [ordered]@{
            passwordExpired = (Read-RekeyAdsiInt -Entry $entry -Property 'PasswordExpired')
            userFlags       = (Read-RekeyAdsiInt -Entry $entry -Property 'UserFlags')
        }
    }
    catch {
        $state.adsiError = $_.Exception.Message
    }
    try {
        $net = Invoke-RekeyNetUser -Arguments @('user', $state.currentName)
        $state.netUser = [ordered]@{
            exitCode = $net.ExitCode
            text     = (@($net.Lines) -join "`r`n")
        }
    }
    catch {
        $state.netUserError = $_.Exception.Message
    }
    $state
}

$request = ConvertFrom-RekeyPayload -Data $Payload
$computerName = Get-RekeyComputerName
$target = @($request.targets | Where-Object { [string]$_.computerName -eq $computerName }) | Select-Object -First 1
$items = [System.Collections.Generic.List[object]]::new()
if ($null -ne $target) {
    foreach ($item in @($target.items)) {
        $items.Add((Read-RekeyAccountState -Item $item))
    }
}
$culture = [System.Globalization.CultureInfo]::CurrentCulture

ConvertTo-RekeyResult -Reply ([ordered]@{
        v                = 1
        computerName     = $computerName
        matched          = ($null -ne $target)
        culture          = $culture.Name
        shortDatePattern = $culture.DateTimeFormat.ShortDatePattern
        longTimePattern  = $culture.DateTimeFormat.LongTimePattern
        items            = $items.ToArray()
    })
