<#
.SYNOPSIS
    Rekey: the Windows seam and the helpers every Rekey script shares.

.DESCRIPTION
    This file is not run on its own. When Rekey loads list.ps1, reset.ps1,
    read-state.ps1 or preflight.ps1, it inserts this text where that script says
    "# @rekey-common", so that each script block it sends (to this computer, or to
    remote hosts through Invoke-Command) is self-contained. Keeping it in one file
    means one fix reaches all four scripts.

    What it never does: nothing here writes to the account database; the only
    writes are in reset.ps1.
#>

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

# --- Helpers shared by every Rekey script --------------------------------------
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
