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

# @rekey-common: Rekey inserts common.ps1 (the Windows seam and shared helpers) here.

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
