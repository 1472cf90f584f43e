<#
.SYNOPSIS
    Rekey: make local (SAM) accounts change their password at next sign-in.

.DESCRIPTION
    What it does, for each account in the request, in the order asked:
      clear-never-expires  turns off "Password never expires" (UserFlags bit 0x10000)
                           with ADSI. While that flag is on, Windows silently ignores
                           "must change password", so it has to go first.
      force-change         sets "User must change password at next logon", which is the
                           SAM's password-expired state: ADSI PasswordExpired = 1, then
                           SetInfo(). If ADSI is unavailable or refuses, it falls back to
                           "net user NAME /logonpasswordchg:yes", which sets the same flag.
                           (wmic "PasswordExpires=true" does not set it, and Set-LocalUser
                           has no parameter for it.)
    Every write is re-read afterwards, and each step is reported with its status
    (done, failed, skipped, not-applicable) and a sentence saying what happened.
    One account failing never stops the others.

    Safety checks before touching an account: its name must be a valid SAM name, its SID
    must still belong to an account of that name on this computer, it must be a local
    account (not a Microsoft account), and in a remote session it must not be the
    account Rekey connected with: once that account must change its password, Windows
    refuses its network sign-ins (error 1907) and the run would cut itself off.

    What it never does: it never sets, reads or shows a password; never disables,
    deletes, renames or unlocks an account; never changes group membership; never
    signs anybody out; never touches an account that is not in the request; and does
    nothing at all if the request was meant for another computer.

    Input:  -Payload, base64 of UTF-8 JSON:
            {"v":1, "targets":[{"computerName":"PC01", "items":[{"sid":"S-1-5-21-...-1001",
             "name":"anna", "steps":["clear-never-expires","force-change"]}]}]}
    Output: one line, "REKEY1:" followed by base64 of UTF-8 JSON
            {v, computerName, matched, items:[{sid, name, steps:[{step, status, message, via, detail}]}]}.
            See main/windows/protocol.ts.
#>
param(
    [Parameter(Mandatory = $true)]
    [string]$Payload
)

$ErrorActionPreference = 'Stop'

# @rekey-common: Rekey inserts common.ps1 (the Windows seam and shared helpers) here.

# --- What this script does ------------------------------------------------------
function New-RekeyStep {
    param(
        [Parameter(Mandatory = $true)]
        [string]$Step,
        [Parameter(Mandatory = $true)]
        [string]$Status,
        [Parameter(Mandatory = $true)]
        [string]$Message,
        $Via = $null,
        $Detail = $null
    )
    [ordered]@{
        step    = $Step
        status  = $Status
        message = $Message
        via     = $Via
        detail  = $Detail
    }
}

function Find-RekeyAccountProblem {
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Sid,
        [Parameter(Mandatory = $true)]
        [string]$ComputerName,
        [AllowEmptyString()]
        [string]$CallerSid,
        [bool]$Remote
    )
    if (-not (Test-RekeyAccountName -Name $Name)) {
        return [pscustomobject]@{ Status = 'failed'; Message = "'$Name' is not a valid local account name, so it was not changed." }
    }
    try {
        $user = Get-LocalUser -SID $Sid -ErrorAction Stop
    }
    catch {
        return [pscustomobject]@{ Status = 'failed'; Message = "No local account with SID $Sid exists on $ComputerName any more, so nothing was changed; list the accounts again." }
    }
    if ([string]$user.Name -ne $Name) {
        return [pscustomobject]@{ Status = 'failed'; Message = "The account with SID $Sid on $ComputerName is now named '$($user.Name)', not '$Name', so nothing was changed; list the accounts again." }
    }
    $source = [string]$user.PrincipalSource
    if ($source -and $source -ne 'Local') {
        return [pscustomobject]@{ Status = 'skipped'; Message = "'$Name' signs in with a $source account, whose password is not kept on this computer, so there is nothing to expire here." }
    }
    if ($Remote -and $CallerSid -eq $Sid) {
        return [pscustomobject]@{ Status = 'skipped'; Message = "Not changed: '$Name' is the account Rekey is connected to $ComputerName with, and once it must change its password Windows refuses its network sign-ins (error 1907); reset it last, from another account or at the console." }
    }
    return $null
}

function Clear-RekeyNeverExpires {
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )
    $before = Read-RekeyAdsiInt -Entry (Get-RekeyAdsiUser -Name $Name) -Property 'UserFlags'
    if (($before -band 0x10000) -eq 0) {
        return New-RekeyStep -Step 'clear-never-expires' -Status 'done' -Via 'ADSI' -Message "'Password never expires' was already off." -Detail ([ordered]@{ userFlagsBefore = $before; userFlagsAfter = $before })
    }
    $entry = Get-RekeyAdsiUser -Name $Name
    $entry.UserFlags = [int]($before -band (-bnot 0x10000))
    $entry.SetInfo()
    $after = Read-RekeyAdsiInt -Entry (Get-RekeyAdsiUser -Name $Name) -Property 'UserFlags'
    if (($after -band 0x10000) -ne 0) {
        return New-RekeyStep -Step 'clear-never-expires' -Status 'failed' -Via 'ADSI' -Message "Windows kept 'Password never expires' on after the change was saved; clear it in Computer Management and reset again." -Detail ([ordered]@{ userFlagsBefore = $before; userFlagsAfter = $after })
    }
    New-RekeyStep -Step 'clear-never-expires' -Status 'done' -Via 'ADSI' -Message "Turned off 'Password never expires', which would have cancelled the forced change." -Detail ([ordered]@{ userFlagsBefore = $before; userFlagsAfter = $after })
}

function Set-RekeyMustChange {
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [string]$Sid
    )
    $adsiProblem = $null
    try {
        $entry = Get-RekeyAdsiUser -Name $Name
        $flags = Read-RekeyAdsiInt -Entry $entry -Property 'UserFlags'
        if (($flags -band 0x10000) -ne 0) {
            return New-RekeyStep -Step 'force-change' -Status 'failed' -Via 'ADSI' -Message "Not flagged: 'Password never expires' is on, and Windows silently ignores 'must change password' while it is; turn on the option to clear it first." -Detail ([ordered]@{ userFlags = $flags })
        }
        $before = Read-RekeyAdsiInt -Entry $entry -Property 'PasswordExpired'
        # PasswordExpired also reads 1 when the password merely aged out under the policy; only an
        # empty PasswordLastSet means the flag itself is set, and only the flag survives a policy change.
        $flagged = ($before -eq 1) -and ($null -eq (Get-LocalUser -SID $Sid -ErrorAction Stop).PasswordLastSet)
        if ($flagged) {
            return New-RekeyStep -Step 'force-change' -Status 'done' -Via 'ADSI' -Message 'Already had to change the password at next sign-in; nothing was written.' -Detail ([ordered]@{ passwordExpiredBefore = $before; passwordExpiredAfter = $before })
        }
        $entry.PasswordExpired = 1
        $entry.SetInfo()
        $after = Read-RekeyAdsiInt -Entry (Get-RekeyAdsiUser -Name $Name) -Property 'PasswordExpired'
        if ($after -eq 1) {
            return New-RekeyStep -Step 'force-change' -Status 'done' -Via 'ADSI' -Message 'Must change the password at next sign-in (set with ADSI and read back).' -Detail ([ordered]@{ passwordExpiredBefore = $before; passwordExpiredAfter = $after })
        }
        return New-RekeyStep -Step 'force-change' -Status 'failed' -Via 'ADSI' -Message "Windows saved the change but still reports that the password need not be changed; check 'Password never expires' in Computer Management and reset again." -Detail ([ordered]@{ passwordExpiredBefore = $before; passwordExpiredAfter = $after })
    }
    catch {
        $adsiProblem = $_.Exception.Message
    }

    # ADSI is unavailable or refused: net user sets the same SAM flag.
    $net = Invoke-RekeyNetUser -Arguments @('user', $Name, '/logonpasswordchg:yes')
    $netText = (@($net.Lines | Where-Object { $_ }) -join ' ').Trim()
    if ($net.ExitCode -ne 0) {
        return New-RekeyStep -Step 'force-change' -Status 'failed' -Via 'net user' -Message "Not flagged: ADSI failed ($adsiProblem) and net user failed too (exit code $($net.ExitCode): $netText)." -Detail ([ordered]@{ netUserExitCode = $net.ExitCode })
    }
    try {
        $after = Read-RekeyAdsiInt -Entry (Get-RekeyAdsiUser -Name $Name) -Property 'PasswordExpired'
    }
    catch {
        return New-RekeyStep -Step 'force-change' -Status 'done' -Via 'net user' -Message "Must change the password at next sign-in (set with net user because ADSI failed: $adsiProblem; it could not be read back)." -Detail ([ordered]@{ netUserExitCode = $net.ExitCode })
    }
    if ($after -eq 1) {
        return New-RekeyStep -Step 'force-change' -Status 'done' -Via 'net user' -Message "Must change the password at next sign-in (set with net user because ADSI failed: $adsiProblem)." -Detail ([ordered]@{ netUserExitCode = $net.ExitCode; passwordExpiredAfter = $after })
    }
    New-RekeyStep -Step 'force-change' -Status 'failed' -Via 'net user' -Message "net user reported success but Windows still reports that the password need not be changed; check 'Password never expires' in Computer Management." -Detail ([ordered]@{ netUserExitCode = $net.ExitCode; passwordExpiredAfter = $after })
}

function Invoke-RekeyAccountReset {
    param(
        [Parameter(Mandatory = $true)]
        $Item,
        [Parameter(Mandatory = $true)]
        [string]$ComputerName,
        [AllowEmptyString()]
        [string]$CallerSid,
        [bool]$Remote
    )
    $name = [string]$Item.name
    $sid = [string]$Item.sid
    $requested = @($Item.steps | ForEach-Object { [string]$_ })
    $steps = [System.Collections.Generic.List[object]]::new()
    $problem = $null
    try {
        $problem = Find-RekeyAccountProblem -Name $name -Sid $sid -ComputerName $ComputerName -CallerSid $CallerSid -Remote $Remote
    }
    catch {
        $problem = [pscustomobject]@{ Status = 'failed'; Message = "The account could not be checked, so nothing was changed: $($_.Exception.Message)" }
    }
    foreach ($step in $requested) {
        if ($null -ne $problem) {
            $steps.Add((New-RekeyStep -Step $step -Status $problem.Status -Message $problem.Message))
            continue
        }
        # Each step stands alone: if clearing "never expires" fails, force-change still
        # runs, finds the flag on and says so, instead of the account vanishing from the report.
        try {
            switch ($step) {
                'clear-never-expires' {
                    $steps.Add((Clear-RekeyNeverExpires -Name $name))
                }
                'force-change' {
                    $steps.Add((Set-RekeyMustChange -Name $name -Sid $sid))
                }
                'end-sessions' {
                    $steps.Add((New-RekeyStep -Step $step -Status 'not-applicable' -Message 'Interactive sessions are not ended; sign the user out or restart the computer.'))
                }
                default {
                    $steps.Add((New-RekeyStep -Step $step -Status 'not-applicable' -Message "Rekey has no '$step' step for Windows local accounts."))
                }
            }
        }
        catch {
            $steps.Add((New-RekeyStep -Step $step -Status 'failed' -Message "Failed: $($_.Exception.Message)"))
        }
    }
    [ordered]@{
        sid   = $sid
        name  = $name
        steps = $steps.ToArray()
    }
}

$request = ConvertFrom-RekeyPayload -Data $Payload
$computerName = Get-RekeyComputerName
# A request names the computer it was listed on; a host that answers under another
# name (DNS now points elsewhere, a clone) does nothing.
$target = @($request.targets | Where-Object { [string]$_.computerName -eq $computerName }) | Select-Object -First 1
$items = [System.Collections.Generic.List[object]]::new()
if ($null -ne $target) {
    $caller = Get-RekeyCallerIdentity
    $remote = [bool](Test-RekeyRemoteSession)
    foreach ($item in @($target.items)) {
        $items.Add((Invoke-RekeyAccountReset -Item $item -ComputerName $computerName -CallerSid ([string]$caller.Sid) -Remote $remote))
    }
}

ConvertTo-RekeyResult -Reply ([ordered]@{
        v            = 1
        computerName = $computerName
        matched      = ($null -ne $target)
        items        = $items.ToArray()
    })
