<#
.SYNOPSIS
    Rekey session bootstrap: defines the only commands Rekey types into its PowerShell session.

.DESCRIPTION
    Rekey keeps one PowerShell process open and loads this file into it once,
    as a base64 literal, so no text from an account, a host or a credential is
    ever pasted into a command. It defines:

      Register-RekeyScript   keeps list.ps1, reset.ps1, read-state.ps1 and preflight.ps1
                             as script blocks for the life of the session
      Set-RekeyCredential    builds a PSCredential for remote computers from base64 data;
                             it lives in this process only and is never written anywhere
      Clear-RekeyCredential  forgets that credential
      Invoke-RekeyScript     runs one registered script on this computer, or on remote
                             computers through Invoke-Command -ComputerName -ThrottleLimit

    After loading, every request is one fixed line:
        Invoke-RekeyScript -Name 'reset' -Request '<base64>'
    The request is base64 of UTF-8 JSON: hosts (empty for this computer), throttle,
    transport (useSsl, port, authentication, useCredential) and the script payload.

    What it never does: it never writes files or logs, never prints a credential,
    never runs anything except the four registered scripts, and never changes an
    account by itself (only reset.ps1 changes anything, and only what it is asked).

    Output, one line per item, ASCII only (so no code page can garble it):
      REKEY1-REPLY <host as base64> <reply as base64>   what a script answered on one host ("." = this computer)
      REKEY1-HOSTERROR <error as base64>               why one host did not answer (JSON)
      REKEY1-END <status as base64>                    how the request ended (JSON: ok, errors)
#>

$ErrorActionPreference = 'Stop'
# Progress records become CLIXML noise on stderr when output is redirected.
$ProgressPreference = 'SilentlyContinue'
# Error messages and warnings may contain non-ASCII text; make them UTF-8.
try {
    [Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false)
}
catch {
    # No console attached (for example a service host): nothing to set.
}
$OutputEncoding = [System.Text.UTF8Encoding]::new($false)

$global:RekeyScripts = @{}
$global:RekeyCredential = $null

function ConvertFrom-RekeyBase64 {
    param(
        [Parameter(Mandatory = $true)]
        [string]$Data
    )
    [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($Data))
}

function ConvertTo-RekeyBase64 {
    param(
        [AllowEmptyString()]
        [string]$Text
    )
    [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($Text))
}

function Register-RekeyScript {
    param(
        [Parameter(Mandatory = $true)]
        [ValidateSet('list', 'reset', 'read-state', 'preflight')]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [string]$Source
    )
    $global:RekeyScripts[$Name] = [ScriptBlock]::Create((ConvertFrom-RekeyBase64 -Data $Source))
}

function Set-RekeyCredential {
    param(
        [Parameter(Mandatory = $true)]
        [string]$Data
    )
    $secret = ConvertFrom-Json -InputObject (ConvertFrom-RekeyBase64 -Data $Data)
    $secure = New-Object -TypeName System.Security.SecureString
    foreach ($character in ([string]$secret.password).ToCharArray()) {
        $secure.AppendChar($character)
    }
    $secure.MakeReadOnly()
    $global:RekeyCredential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList ([string]$secret.userName), $secure
}

function Clear-RekeyCredential {
    $global:RekeyCredential = $null
}

function Write-RekeyLine {
    param(
        [Parameter(Mandatory = $true)]
        [string]$Line
    )
    # Straight to stdout, bypassing the formatter: no wrapping, no buffering surprises.
    [Console]::Out.WriteLine($Line)
    [Console]::Out.Flush()
}

function Write-RekeyReply {
    param(
        [Parameter(Mandatory = $true)]
        [string]$HostName,
        [AllowEmptyString()]
        [string]$Line
    )
    if ($Line.StartsWith('REKEY1:')) {
        Write-RekeyLine -Line ('REKEY1-REPLY ' + (ConvertTo-RekeyBase64 -Text $HostName) + ' ' + $Line.Substring(7))
    }
}

function Write-RekeyHostError {
    param(
        [Parameter(Mandatory = $true)]
        $Record
    )
    $target = $null
    if ($null -ne $Record.TargetObject) {
        $target = [string]$Record.TargetObject
    }
    $origin = $null
    if ($null -ne $Record.OriginInfo) {
        $origin = [string]$Record.OriginInfo.PSComputerName
    }
    $code = $null
    if ($null -ne $Record.Exception -and $null -ne $Record.Exception.PSObject.Properties['ErrorCode']) {
        $code = [int64]$Record.Exception.ErrorCode
    }
    $fields = [ordered]@{
        targetObject          = $target
        originComputer        = $origin
        fullyQualifiedErrorId = [string]$Record.FullyQualifiedErrorId
        category              = [string]$Record.CategoryInfo.Category
        reason                = [string]$Record.CategoryInfo.Reason
        errorCode             = $code
        message               = [string]$Record.Exception.Message
    }
    Write-RekeyLine -Line ('REKEY1-HOSTERROR ' + (ConvertTo-RekeyBase64 -Text (ConvertTo-Json -InputObject $fields -Compress -Depth 3)))
}

function Invoke-RekeyScript {
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name,
        [Parameter(Mandatory = $true)]
        [string]$Request
    )
    $errors = [System.Collections.Generic.List[object]]::new()
    try {
        $script = $global:RekeyScripts[$Name]
        if ($null -eq $script) {
            throw "The script '$Name' is not loaded in this PowerShell session."
        }
        $envelope = ConvertFrom-Json -InputObject (ConvertFrom-RekeyBase64 -Data $Request)
        $payload = [string]$envelope.payload
        $hosts = @($envelope.hosts | Where-Object { $_ })
        if ($hosts.Count -eq 0) {
            foreach ($line in @(& $script -Payload $payload)) {
                Write-RekeyReply -HostName '.' -Line ([string]$line)
            }
        }
        else {
            $remote = @{
                ComputerName  = [string[]]$hosts
                ScriptBlock   = $script
                ArgumentList  = @($payload)
                ThrottleLimit = [int]$envelope.throttle
                ErrorAction   = 'SilentlyContinue'
                ErrorVariable = 'remoteErrors'
            }
            if ($envelope.useSsl) {
                $remote.UseSSL = $true
            }
            if ($envelope.port) {
                $remote.Port = [int]$envelope.port
            }
            if ($envelope.authentication) {
                $remote.Authentication = [string]$envelope.authentication
            }
            if ($envelope.useCredential) {
                if ($null -eq $global:RekeyCredential) {
                    throw 'No credential is loaded in this PowerShell session.'
                }
                $remote.Credential = $global:RekeyCredential
            }
            $remoteErrors = $null
            foreach ($line in @(Invoke-Command @remote)) {
                Write-RekeyReply -HostName ([string]$line.PSComputerName) -Line ([string]$line)
            }
            foreach ($record in @($remoteErrors)) {
                if ($null -ne $record) {
                    Write-RekeyHostError -Record $record
                }
            }
        }
    }
    catch {
        $errors.Add([ordered]@{
                fullyQualifiedErrorId = [string]$_.FullyQualifiedErrorId
                message               = [string]$_.Exception.Message
            })
    }
    $status = [ordered]@{
        ok     = ($errors.Count -eq 0)
        errors = $errors.ToArray()
    }
    Write-RekeyLine -Line ('REKEY1-END ' + (ConvertTo-RekeyBase64 -Text (ConvertTo-Json -InputObject $status -Compress -Depth 4)))
}
