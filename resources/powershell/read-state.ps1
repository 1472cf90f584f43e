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

# @rekey-common: Rekey inserts common.ps1 (the Windows seam and shared helpers) here.

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
