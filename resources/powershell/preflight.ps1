<#
.SYNOPSIS
    Rekey: check that this computer can run Rekey's other scripts. Changes nothing.

.DESCRIPTION
    What it does: reports whether this PowerShell runs elevated (as administrator),
    its edition (Desktop = Windows PowerShell 5.1, Core = PowerShell 7) and version,
    whether the process and the operating system are 64-bit, whether the
    Microsoft.PowerShell.LocalAccounts commands (Get-LocalUser) are available, the
    computer name, the account running the script and the culture net.exe writes in.

    Why the 64-bit question matters: Get-LocalUser does not exist in 32-bit Windows
    PowerShell on 64-bit Windows. A 32-bit program must start
    %SystemRoot%\Sysnative\WindowsPowerShell\v1.0\powershell.exe to get the 64-bit one.

    What it never does: it never changes anything and never reads a password.

    Input:  -Payload, base64 of UTF-8 JSON: {"v":1}
    Output: one line, "REKEY1:" followed by base64 of UTF-8 JSON
            {v, computerName, remote, elevated, edition, psVersion, is64BitProcess,
             is64BitOperatingSystem, localAccounts, callerName, callerSid, culture,
             osVersion, problems[]}. See main/windows/protocol.ts.
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
$problems = [System.Collections.Generic.List[string]]::new()

$edition = 'Desktop'
if ($PSVersionTable.ContainsKey('PSEdition')) {
    $edition = [string]$PSVersionTable.PSEdition
}
$is64BitProcess = [System.Environment]::Is64BitProcess
$is64BitOperatingSystem = [System.Environment]::Is64BitOperatingSystem
$localAccounts = $null -ne (Get-Command -Name 'Get-LocalUser' -ErrorAction SilentlyContinue)
if (-not $localAccounts) {
    if ($is64BitOperatingSystem -and -not $is64BitProcess) {
        $problems.Add('Get-LocalUser is missing because this is 32-bit PowerShell on 64-bit Windows; start %SystemRoot%\Sysnative\WindowsPowerShell\v1.0\powershell.exe instead.')
    }
    else {
        $problems.Add('Get-LocalUser is missing: the Microsoft.PowerShell.LocalAccounts module is not available in this PowerShell; use Windows PowerShell 5.1.')
    }
}

$elevated = $false
try {
    $elevated = [bool](Test-RekeyElevated)
}
catch {
    $problems.Add("Could not tell whether PowerShell runs as administrator: $($_.Exception.Message)")
}
if (-not $elevated) {
    $problems.Add('PowerShell is not running as administrator, so Windows will refuse to change local accounts.')
}

$caller = Get-RekeyCallerIdentity

ConvertTo-RekeyResult -Reply ([ordered]@{
        v                      = 1
        computerName           = (Get-RekeyComputerName)
        remote                 = [bool](Test-RekeyRemoteSession)
        elevated               = $elevated
        edition                = $edition
        psVersion              = $PSVersionTable.PSVersion.ToString()
        is64BitProcess         = $is64BitProcess
        is64BitOperatingSystem = $is64BitOperatingSystem
        localAccounts          = $localAccounts
        callerName             = [string]$caller.Name
        callerSid              = [string]$caller.Sid
        culture                = [System.Globalization.CultureInfo]::CurrentCulture.Name
        osVersion              = [System.Environment]::OSVersion.Version.ToString()
        problems               = $problems.ToArray()
    })
