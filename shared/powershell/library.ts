// The PowerShell helper functions every generated script carries, written once here. Fixed text:
// no room or site value ever appears in it (those are passed in as verbatim literals by the room
// sections). Windows PowerShell 5.1 syntax; runs under PowerShell 7 too.
//
// Conventions the room sections (step-code.ts) rely on:
// - $PSCmdlet.ShouldProcess is called in the room sections themselves, at script scope, so every
//   write visibly sits inside its approval; these helpers only prepare, run and check.
// - Helpers that invoke a room section's script block name their locals $rr..., so they never
//   shadow $Current, $Upn, $Sku or $Parameters, which those blocks read through dynamic scoping.
// - Nothing here writes to the output stream except Complete-RoomReadyStep (the result line), so
//   no result line can be captured by an assignment by mistake.
import { RESULT_FIELDS, RESULT_PREFIX, RESULT_SCHEMA_VERSION, STEP_STATUSES } from './results.ts';
import { psString } from './literal.ts';

const statusCounts = STEP_STATUSES.map((status) => `${psString(status)} = 0`).join('; ');

// The result hashtable's keys come from RESULT_FIELDS; a test checks the order and the parser.
const resultRecord = (): string => {
  const values: Record<(typeof RESULT_FIELDS)[number], string> = {
    schemaVersion: String(RESULT_SCHEMA_VERSION),
    runtime: '$script:RoomReadyRuntime',
    room: '$rrRoom.Upn',
    step: '$Step.Id',
    status: '$Step.Status',
    changes: '$Step.Changes.ToArray()',
    message: '$rrMessage',
    remediation: '$rrRemediation',
  };
  return RESULT_FIELDS.map((field) => `        ${field} = ${values[field]}`).join('\n');
};

export const LIBRARY_CORE = String.raw`# =============================================================================================
# Helper functions: fixed RoomReady text, no room data (the rooms and their values come after them)
# =============================================================================================

$RoomReadyResultPrefix = ${psString(RESULT_PREFIX)}
$RoomReadyWhatIf = [bool]$WhatIfPreference
# Waits for an object this run has just created or changed: a bounded number of tries.
$RoomReadyRetryDelaysSeconds = @(5, 10, 20, 40, 60)
$RoomReadyStatusCounts = [ordered]@{ ${statusCounts} }
$RoomReadyStatusRank = @{ 'passed' = 0; 'changed' = 1; 'would-change' = 2; 'pending' = 3; 'failed' = 4; 'skipped' = 5 }
$RoomReadySkus = $null

# Stand-ins for the room password in the desired values below. They hold no password: the real
# one is fetched (credential file or prompt) only once a write that needs it has been approved.
$RoomPasswordSecret = [pscustomobject]@{ RoomReadySecret = 'room-password' }
$RoomPasswordProfileSecret = [pscustomobject]@{ RoomReadySecret = 'room-password-profile' }

function Get-RoomReadyProperty {
    # A property of a read result, or $null when the object has no such property (StrictMode-safe).
    param($InputObject, [string]$Name)
    if ($null -eq $InputObject) { return $null }
    if ($InputObject -is [System.Collections.IDictionary]) { return $InputObject[$Name] }
    $rrProperty = $InputObject.PSObject.Properties[$Name]
    if ($null -eq $rrProperty) { return $null }
    return $rrProperty.Value
}

function Get-RoomReadySecretKind {
    # 'room-password', 'room-password-profile', or $null for an ordinary value.
    param($Value)
    if ($null -eq $Value -or $Value -is [string] -or $Value -is [System.Collections.IDictionary] -or $Value -is [array]) { return $null }
    $rrKind = $Value.PSObject.Properties['RoomReadySecret']
    if ($null -eq $rrKind) { return $null }
    return [string]$rrKind.Value
}

function ConvertTo-RoomReadyReportValue {
    # A value as it appears in a result line: $null, a boolean, a number or text. Never a secret.
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [bool] -or $Value -is [int] -or $Value -is [long]) { return $Value }
    if ($null -ne (Get-RoomReadySecretKind -Value $Value)) { return '(secret)' }
    if ($Value -is [System.Collections.IDictionary]) {
        return ((@($Value.Keys) | ForEach-Object { '{0}={1}' -f $_, (ConvertTo-RoomReadyReportValue -Value $Value[$_]) }) -join '; ')
    }
    if ($Value -is [array]) { return ((@($Value) | ForEach-Object { [string]$_ }) -join ', ') }
    return [string]$Value
}

function Format-RoomReadyValue {
    # A value inside a message.
    param($Value)
    $rrText = ConvertTo-RoomReadyReportValue -Value $Value
    if ($null -eq $rrText -or [string]$rrText -eq '') { return '(empty)' }
    return "'" + [string]$rrText + "'"
}

function ConvertTo-RoomReadyJson {
    # Compact JSON in ASCII only: the console code page of Windows PowerShell would mangle any other
    # character on the way to the app, so everything else is written as \uXXXX (still valid JSON).
    param($Value)
    $rrJson = ConvertTo-Json -InputObject $Value -Depth 6 -Compress
    return [regex]::Replace($rrJson, '[^\x20-\x7E]', { param($rrMatch) '\u{0:x4}' -f [int][char]$rrMatch.Value })
}

function ConvertFrom-RoomReadySecureString {
    # Plain text of a SecureString, for the one call that needs it; the caller drops it right after.
    param([System.Security.SecureString]$Secret)
    $rrPointer = [System.Runtime.InteropServices.Marshal]::SecureStringToBSTR($Secret)
    try { return [System.Runtime.InteropServices.Marshal]::PtrToStringBSTR($rrPointer) }
    finally { [System.Runtime.InteropServices.Marshal]::ZeroFreeBSTR($rrPointer) }
}

function Protect-RoomReadyText {
    # No error text may echo the room password back into a result line or the console.
    param($RoomContext, [string]$Text)
    if ($null -eq $RoomContext -or $null -eq $RoomContext.Password -or $Text -eq '') { return $Text }
    $rrPlain = ConvertFrom-RoomReadySecureString -Secret $RoomContext.Password
    try {
        if ($rrPlain.Length -gt 0 -and $Text.Contains($rrPlain)) { return $Text.Replace($rrPlain, '********') }
        return $Text
    }
    finally { $rrPlain = $null }
}

function New-RoomReadyRoom {
    # One room of this script; -Room limits the run to the rooms named there.
    param([string]$Upn, [string]$DisplayName, [int]$Number, [int]$Count)
    $rrSelected = (-not $script:Room) -or ($script:Room -contains $Upn)
    if ($rrSelected) { Write-Host ('Room {0} of {1}: {2} ({3})' -f $Number, $Count, $DisplayName, $Upn) }
    return [pscustomobject]@{
        Upn         = $Upn
        DisplayName = $DisplayName
        Selected    = $rrSelected
        Blocker     = $null
        BlockerStep = ''
        Created     = $false
        WouldCreate = $false
        Password    = $null
    }
}

function Start-RoomReadyStep {
    # A step of a room. After a failed step the rest of that room is skipped; in scripts that wait
    # for replication, after a pending step the rest of that room is pending too.
    param($RoomContext, [string]$Id, [string]$Kind, [string]$Title, [string]$Remediation)
    $rrStep = [pscustomobject]@{
        Room        = $RoomContext
        Id          = $Id
        Kind        = $Kind
        Title       = $Title
        Remediation = $Remediation
        Target      = $RoomContext.Upn
        Action      = $Title
        Status      = 'passed'
        Messages    = New-Object -TypeName System.Collections.ArrayList
        Changes     = New-Object -TypeName System.Collections.ArrayList
        Applied     = $false
        Run         = $true
    }
    if ($RoomContext.Blocker -eq 'failed') {
        $rrStep.Run = $false
        $rrStep.Status = 'skipped'
        [void]$rrStep.Messages.Add(('Not attempted: step {0} failed for this room.' -f $RoomContext.BlockerStep))
    }
    elseif ($RoomContext.Blocker -eq 'pending') {
        $rrStep.Run = $false
        $rrStep.Status = 'pending'
        [void]$rrStep.Messages.Add(('Waiting for step {0}, which is pending; run this script again later.' -f $RoomContext.BlockerStep))
    }
    else {
        Write-Host ('  {0}: {1}' -f $Id, $Title)
    }
    return $rrStep
}

function Set-RoomReadyStatus {
    # Keeps the worst status a step reached, and its messages.
    param($Step, [string]$Status, [string]$Message = '')
    if ($script:RoomReadyStatusRank[$Status] -ge $script:RoomReadyStatusRank[$Step.Status]) { $Step.Status = $Status }
    if ($Message -ne '') { [void]$Step.Messages.Add($Message) }
}

function Set-RoomReadyStepError {
    # A terminating error in a step: the step failed with the cmdlet's own message.
    param($Step, $ErrorRecord)
    $rrText = [string]$ErrorRecord.Exception.Message
    if ($rrText -eq '') { $rrText = [string]$ErrorRecord }
    Set-RoomReadyStatus -Step $Step -Status 'failed' -Message $rrText
}

function Add-RoomReadyChange {
    param($Step, [string]$Property, $Before, $After)
    [void]$Step.Changes.Add([ordered]@{
        property = $Property
        before   = (ConvertTo-RoomReadyReportValue -Value $Before)
        after    = (ConvertTo-RoomReadyReportValue -Value $After)
    })
}

function Complete-RoomReadyStep {
    # Writes the step's one result line (the only thing this script writes to the output stream).
    param($Step)
    $rrRoom = $Step.Room
    if ($null -eq $rrRoom.Blocker) {
        if ($Step.Status -eq 'failed') { $rrRoom.Blocker = 'failed'; $rrRoom.BlockerStep = $Step.Id }
        elseif ($Step.Status -eq 'pending' -and $script:RoomReadyWaitsForReplication) { $rrRoom.Blocker = 'pending'; $rrRoom.BlockerStep = $Step.Id }
    }
    $script:RoomReadyStatusCounts[$Step.Status] = $script:RoomReadyStatusCounts[$Step.Status] + 1
    $rrMessage = Protect-RoomReadyText -RoomContext $rrRoom -Text ((@($Step.Messages) | Where-Object { $_ -ne '' }) -join ' ')
    $rrRemediation = ''
    if ($Step.Status -eq 'failed' -or $Step.Status -eq 'pending') { $rrRemediation = $Step.Remediation }
    $rrRecord = [ordered]@{
${resultRecord()}
    }
    Write-Host ('    {0}: {1} {2}' -f $Step.Status, $Step.Id, $rrMessage)
    Write-Output ($script:RoomReadyResultPrefix + (ConvertTo-RoomReadyJson -Value $rrRecord))
}

function Test-RoomReadyNotFound {
    # "Not found" is an answer (create it, or wait for replication); any other error is a failure.
    param($ErrorRecord)
    if ($ErrorRecord.Exception -is [System.Management.Automation.CommandNotFoundException]) { return $false }
    if ([string]$ErrorRecord.CategoryInfo.Category -eq 'ObjectNotFound') { return $true }
    $rrText = '{0} {1} {2}' -f $ErrorRecord.FullyQualifiedErrorId, $ErrorRecord.CategoryInfo.Reason, $ErrorRecord.Exception.Message
    return ($rrText -match 'NotFound|couldn''t be found|could not be found|does not exist|was not found|not found for identity')
}

function Test-RoomReadyTransient {
    # Worth another try: the object was just created and is not everywhere yet, or the service is busy.
    param($ErrorRecord)
    if (Test-RoomReadyNotFound -ErrorRecord $ErrorRecord) { return $true }
    $rrText = '{0} {1}' -f $ErrorRecord.FullyQualifiedErrorId, $ErrorRecord.Exception.Message
    return ($rrText -match 'throttl|too many requests|TooManyRequests|server busy|ServiceUnavailable|temporarily|try again|not ready|isn''t ready|timed out')
}

function Get-RoomReadyRetryDelay {
    # Seconds to wait before reading a missing object again, or 0 to stop waiting.
    param($Step, [int]$Attempt, [switch]$AfterWrite)
    if ($AfterWrite -or $Step.Applied -or $Step.Room.Created) {
        if ($Attempt -lt $script:RoomReadyRetryDelaysSeconds.Count) { return $script:RoomReadyRetryDelaysSeconds[$Attempt] }
        return 0
    }
    if ($script:RoomReadyWaitsForReplication -and -not $script:RoomReadyWhatIf) {
        $rrLeft = [int][math]::Floor(($script:RoomReadyReplicationDeadline - (Get-Date)).TotalSeconds)
        if ($rrLeft -le 0) { return 0 }
        $rrBackoff = 15 * [math]::Pow(2, [math]::Min($Attempt, 3))
        return [int][math]::Min($rrBackoff, $rrLeft)
    }
    return 0
}

function Read-RoomReadyState {
    # Runs a step's read and returns the one object it finds, or $null when there is none.
    # -NoWait: "missing" is an answer (the step creates it). Otherwise a missing object is waited
    # for when it should appear: a few tries after this run created or changed it, or, in scripts
    # that wait for replication, until -ReplicationTimeoutMinutes (one deadline for the whole run).
    param($Step, [scriptblock]$Read, [switch]$NoWait, [switch]$AfterWrite)
    $WhatIfPreference = $false
    $rrAttempt = 0
    while ($true) {
        $rrItems = @()
        try { $rrItems = @(& $Read) }
        catch { if (-not (Test-RoomReadyNotFound -ErrorRecord $_)) { throw } }
        if ($rrItems.Count -gt 1) { throw ('{0} objects match {1}; expected exactly one.' -f $rrItems.Count, $Step.Target) }
        if ($rrItems.Count -eq 1) { return $rrItems[0] }
        if ($NoWait) { return $null }
        $rrDelay = Get-RoomReadyRetryDelay -Step $Step -Attempt $rrAttempt -AfterWrite:$AfterWrite
        if ($rrDelay -le 0) { return $null }
        Write-Host ('    {0} is not there yet; reading again in {1} s.' -f $Step.Target, $rrDelay)
        Start-Sleep -Seconds $rrDelay
        $rrAttempt = $rrAttempt + 1
    }
}

function Set-RoomReadyMissing {
    # The object a step needs does not exist.
    param($Step, [object[]]$Rules = @(), [string]$Name = '')
    if ($Name -eq '') { $Name = $Step.Target }
    if ($Step.Room.WouldCreate) {
        foreach ($rrRule in $Rules) {
            if ($rrRule.ContainsKey('Parameter')) { Add-RoomReadyChange -Step $Step -Property $rrRule.Property -Before $null -After $rrRule.Expected }
        }
        Set-RoomReadyStatus -Step $Step -Status 'would-change' -Message ('{0} does not exist yet; an earlier step of this run would create it.' -f $Name)
    }
    elseif ($script:RoomReadyWaitsForReplication -or $Step.Room.Created -or $Step.Applied) {
        Set-RoomReadyStatus -Step $Step -Status 'pending' -Message ('{0} is not there yet (replication or provisioning); run this script again later.' -f $Name)
    }
    else {
        Set-RoomReadyStatus -Step $Step -Status 'failed' -Message ('{0} was not found.' -f $Name)
    }
}

function Split-RoomReadyTokens {
    param($Value)
    if ($null -eq $Value) { return @() }
    return @(([string]$Value) -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ -ne '' })
}

function Test-RoomReadyMatch {
    # equals: text compared case-insensitively, numbers and booleans exactly (as text, so True and
    # 12 from a remote session still match). token: the comma-separated list contains the value;
    # -contains on the raw string would compare the whole string with it and never match.
    param($Actual, $Expected, [string]$Match)
    if ($Match -eq 'token') { return (@(Split-RoomReadyTokens -Value $Actual) -contains [string]$Expected) }
    if ($null -eq $Actual) { return $false }
    return ([string]$Actual -eq [string]$Expected)
}

function Merge-RoomReadyToken {
    # Adds one entry to a comma-separated list and keeps the others (e.g. DisableStrongPassword).
    param($Current, [string]$Token)
    $rrTokens = @(Split-RoomReadyTokens -Value $Current)
    if ($rrTokens -notcontains $Token) { $rrTokens = @($rrTokens) + $Token }
    return ($rrTokens -join ', ')
}

function Get-RoomReadyMismatches {
    # One sentence per rule the object does not satisfy.
    param($Current, [object[]]$Rules)
    foreach ($rrRule in $Rules) {
        $rrActual = Get-RoomReadyProperty -InputObject $Current -Name $rrRule.Property
        if (-not (Test-RoomReadyMatch -Actual $rrActual -Expected $rrRule.Expected -Match $rrRule.Match)) {
            '{0} is {1}; expected {2}.' -f $rrRule.Property, (Format-RoomReadyValue -Value $rrActual), (Format-RoomReadyValue -Value $rrRule.Expected)
        }
    }
}

function Compare-RoomReadyState {
    # The ensure comparison. Returns the parameters to write: each wrong property's parameter (a
    # token list merged into the current one) plus the parameters that go with it. Returns none
    # when a verify-only rule fails: the object may not be this room's, so nothing is changed.
    param($Step, $Current, [object[]]$Rules, [string]$Cmdlet)
    $rrWrite = [ordered]@{}
    if ($null -eq $Current) {
        Set-RoomReadyMissing -Step $Step -Rules $Rules
        return $rrWrite
    }
    $rrBlocked = $false
    foreach ($rrRule in $Rules) {
        $rrActual = Get-RoomReadyProperty -InputObject $Current -Name $rrRule.Property
        if (Test-RoomReadyMatch -Actual $rrActual -Expected $rrRule.Expected -Match $rrRule.Match) { continue }
        if (-not $rrRule.ContainsKey('Parameter')) {
            $rrBlocked = $true
            Set-RoomReadyStatus -Step $Step -Status 'failed' -Message ('{0} is {1}; it must be {2}, and RoomReady does not change it.' -f $rrRule.Property, (Format-RoomReadyValue -Value $rrActual), (Format-RoomReadyValue -Value $rrRule.Expected))
            continue
        }
        $rrAfter = $rrRule.Expected
        $rrValue = $rrRule.Value
        if ($rrRule.Match -eq 'token') {
            $rrValue = Merge-RoomReadyToken -Current $rrActual -Token $rrRule.Value
            $rrAfter = $rrValue
        }
        Add-RoomReadyChange -Step $Step -Property $rrRule.Property -Before $rrActual -After $rrAfter
        $rrWrite[$rrRule.Parameter] = $rrValue
        if ($rrRule.ContainsKey('With')) {
            foreach ($rrKey in @($rrRule.With.Keys)) { $rrWrite[$rrKey] = $rrRule.With[$rrKey] }
        }
    }
    if ($rrBlocked) {
        $Step.Changes.Clear()
        $rrWrite.Clear()
        return $rrWrite
    }
    if ($rrWrite.Count -gt 0) {
        Set-RoomReadyStatus -Step $Step -Status 'would-change'
        $rrNames = @($rrWrite.Keys | Where-Object { $null -eq (Get-RoomReadySecretKind -Value $rrWrite[$_]) })
        $Step.Action = '{0} -{1}' -f $Cmdlet, ($rrNames -join ' -')
    }
    return $rrWrite
}

function Test-RoomReadyExpectations {
    # create and verify steps: the object must have these values; RoomReady reports, never changes them.
    param($Step, $Current, [object[]]$Rules)
    if ($null -eq $Current) {
        if ($Step.Status -ne 'would-change') { Set-RoomReadyMissing -Step $Step }
        return
    }
    foreach ($rrWrong in @(Get-RoomReadyMismatches -Current $Current -Rules $Rules)) {
        Set-RoomReadyStatus -Step $Step -Status 'failed' -Message $rrWrong
    }
}

function Confirm-RoomReadyState {
    # Reads back after a write; a value that has not arrived yet is read again a few times.
    param($Step, [scriptblock]$Read, [object[]]$Rules)
    $rrAttempt = 0
    while ($true) {
        $rrCurrent = Read-RoomReadyState -Step $Step -Read $Read -AfterWrite
        if ($null -eq $rrCurrent) {
            Set-RoomReadyMissing -Step $Step
            return
        }
        $rrWrong = @(Get-RoomReadyMismatches -Current $rrCurrent -Rules $Rules)
        if ($rrWrong.Count -eq 0) { return }
        if ($rrAttempt -ge $script:RoomReadyRetryDelaysSeconds.Count) {
            Set-RoomReadyStatus -Step $Step -Status 'failed' -Message ('Written, but reading it back shows: {0}' -f ($rrWrong -join ' '))
            return
        }
        Start-Sleep -Seconds $script:RoomReadyRetryDelaysSeconds[$rrAttempt]
        $rrAttempt = $rrAttempt + 1
    }
}

function Register-RoomReadyCreate {
    # The object is missing: record what creating it sets (never the password) before asking.
    param($Step, [System.Collections.IDictionary]$Parameters, [string]$Cmdlet)
    foreach ($rrKey in @($Parameters.Keys)) {
        if ($null -ne (Get-RoomReadySecretKind -Value $Parameters[$rrKey])) { continue }
        Add-RoomReadyChange -Step $Step -Property $rrKey -Before $null -After $Parameters[$rrKey]
    }
    if ($Step.Kind -eq 'create') { $Step.Room.WouldCreate = $true }
    $Step.Action = $Cmdlet
    Set-RoomReadyStatus -Step $Step -Status 'would-change'
}

function Get-RoomReadyCredentialPath {
    # <CredentialFolder>\<UPN>.credential.xml, or $null when the UPN cannot be a file name.
    param([string]$Upn)
    if ([string]::IsNullOrEmpty($script:CredentialFolder)) { return $null }
    if ($Upn.IndexOfAny([System.IO.Path]::GetInvalidFileNameChars()) -ge 0 -or $Upn.StartsWith('.')) { return $null }
    return (Join-Path -Path $script:CredentialFolder -ChildPath ($Upn + '.credential.xml'))
}

function Read-RoomReadyNewPassword {
    # Asks for a room password twice (a typo would lock the console out) and never echoes it.
    param([string]$Upn)
    for ($rrTry = 1; $rrTry -le 3; $rrTry++) {
        $rrFirst = Read-Host -AsSecureString -Prompt ('Password for the room account {0}' -f $Upn)
        if ($rrFirst.Length -eq 0) {
            Write-Host 'The password is empty; type it again.'
            continue
        }
        $rrSecond = Read-Host -AsSecureString -Prompt 'The same password again'
        $rrA = ConvertFrom-RoomReadySecureString -Secret $rrFirst
        $rrB = ConvertFrom-RoomReadySecureString -Secret $rrSecond
        $rrSame = $rrA -ceq $rrB
        $rrA = $null
        $rrB = $null
        if ($rrSame) { return $rrFirst }
        Write-Host 'The two passwords differ; type them again.'
    }
    throw ('No password was entered for {0}.' -f $Upn)
}

$RoomReadyInputPasswords = @{}

function Read-RoomReadyInputPasswords {
    # -PasswordsFromInput: "UPN<tab>password" lines on standard input, up to an empty line. Each
    # password becomes a SecureString character by character; the text is dropped straight away.
    while ($true) {
        $rrLine = [Console]::In.ReadLine()
        if ($null -eq $rrLine -or $rrLine -eq '') { break }
        $rrTab = $rrLine.IndexOf([char]9)
        if ($rrTab -lt 1) { continue }
        $rrSecret = New-Object -TypeName System.Security.SecureString
        foreach ($rrChar in $rrLine.Substring($rrTab + 1).ToCharArray()) { $rrSecret.AppendChar($rrChar) }
        $rrSecret.MakeReadOnly()
        $script:RoomReadyInputPasswords[$rrLine.Substring(0, $rrTab)] = $rrSecret
        $rrLine = $null
    }
}

function Get-RoomReadyPassword {
    # The room password as a SecureString: given on standard input (-PasswordsFromInput), from
    # -CredentialFolder when a file exists for the room, else typed in. Asked at most once per room
    # and run; only ever called after ShouldProcess.
    param($RoomContext)
    if ($null -ne $RoomContext.Password) { return $RoomContext.Password }
    if ($script:RoomReadyInputPasswords.ContainsKey($RoomContext.Upn)) {
        $RoomContext.Password = $script:RoomReadyInputPasswords[$RoomContext.Upn]
        return $RoomContext.Password
    }
    $rrPath = Get-RoomReadyCredentialPath -Upn $RoomContext.Upn
    if ($null -ne $rrPath -and (Test-Path -LiteralPath $rrPath -PathType Leaf)) {
        $rrCredential = Import-Clixml -LiteralPath $rrPath
        if ($rrCredential -isnot [System.Management.Automation.PSCredential]) { throw ('{0} does not hold a credential saved with Export-Clixml.' -f $rrPath) }
        $RoomContext.Password = $rrCredential.Password
        return $RoomContext.Password
    }
    try { $RoomContext.Password = Read-RoomReadyNewPassword -Upn $RoomContext.Upn }
    catch { throw ('The room password for {0} is needed, but there is no credential file for it and it could not be asked for ({1}). Use -CredentialFolder, with -SaveCredentials first.' -f $RoomContext.Upn, $_.Exception.Message) }
    return $RoomContext.Password
}

function Resolve-RoomReadySecrets {
    # A copy of a write's parameters with the password stand-ins replaced by the real values.
    param($RoomContext, [System.Collections.IDictionary]$Parameters)
    $rrResolved = [ordered]@{}
    $rrProfiles = New-Object -TypeName System.Collections.ArrayList
    foreach ($rrKey in @($Parameters.Keys)) {
        $rrValue = $Parameters[$rrKey]
        $rrKind = Get-RoomReadySecretKind -Value $rrValue
        if ($rrKind -eq 'room-password') { $rrValue = Get-RoomReadyPassword -RoomContext $RoomContext }
        elseif ($rrKind -eq 'room-password-profile') {
            $rrValue = @{ Password = (ConvertFrom-RoomReadySecureString -Secret (Get-RoomReadyPassword -RoomContext $RoomContext)); ForceChangePasswordNextSignIn = $false }
            [void]$rrProfiles.Add($rrValue)
        }
        $rrResolved[$rrKey] = $rrValue
    }
    return @{ Parameters = $rrResolved; Profiles = $rrProfiles }
}

function Invoke-RoomReadyWrite {
    # Runs one approved write with its parameters (password stand-ins resolved now, the plain-text
    # copy a password profile needs cleared right after, verbose and debug output off while a
    # secret is in play). Transient errors are retried a bounded number of times.
    param($Step, [scriptblock]$Write, [System.Collections.IDictionary]$Parameters = @{})
    $rrResolved = Resolve-RoomReadySecrets -RoomContext $Step.Room -Parameters $Parameters
    $VerbosePreference = 'SilentlyContinue'
    $DebugPreference = 'SilentlyContinue'
    try {
        $rrAttempt = 0
        while ($true) {
            try {
                $null = & $Write $rrResolved.Parameters
                break
            }
            catch {
                if ($rrAttempt -ge $script:RoomReadyRetryDelaysSeconds.Count -or -not (Test-RoomReadyTransient -ErrorRecord $_)) { throw }
                $rrDelay = $script:RoomReadyRetryDelaysSeconds[$rrAttempt]
                Write-Host ('    {0} Trying again in {1} s.' -f (Protect-RoomReadyText -RoomContext $Step.Room -Text $_.Exception.Message), $rrDelay)
                Start-Sleep -Seconds $rrDelay
                $rrAttempt = $rrAttempt + 1
            }
        }
    }
    finally {
        foreach ($rrProfile in $rrResolved.Profiles) { $rrProfile['Password'] = $null }
        $rrResolved.Parameters.Clear()
    }
    $Step.Applied = $true
    $Step.Status = 'changed'
    if ($Step.Kind -eq 'create') { $Step.Room.Created = $true }
}

function Save-RoomReadyCredentials {
    # -SaveCredentials: asks once per room for its password and stores it with Export-Clixml, which
    # protects it with DPAPI: only the current Windows user on this computer can read it back.
    param($Cmdlet)
    $rrRooms = @($script:RoomReadyRooms | Where-Object { $_.NeedsPassword -and ((-not $script:Room) -or ($script:Room -contains $_.Upn)) })
    if ($rrRooms.Count -eq 0) {
        Write-Host 'No step in this script needs a room password.'
        return
    }
    if ([string]::IsNullOrEmpty($script:CredentialFolder)) {
        Write-Host '-SaveCredentials needs -CredentialFolder <folder>.'
        exit 2
    }
    if (-not (Test-Path -LiteralPath $script:CredentialFolder -PathType Container)) {
        if ($Cmdlet.ShouldProcess($script:CredentialFolder, 'Create the credential folder')) {
            $null = New-Item -ItemType Directory -Path $script:CredentialFolder -Force
        }
    }
    foreach ($rrRoom in $rrRooms) {
        $rrPath = Get-RoomReadyCredentialPath -Upn $rrRoom.Upn
        if ($null -eq $rrPath) {
            Write-Host ('{0} cannot be a file name; this room will ask for its password when it needs it.' -f $rrRoom.Upn)
            continue
        }
        if (Test-Path -LiteralPath $rrPath) {
            Write-Host ('{0} exists already; delete it to store a new password.' -f $rrPath)
            continue
        }
        if ($Cmdlet.ShouldProcess($rrPath, 'Store the room password (DPAPI, current Windows user only)')) {
            $rrSecret = Read-RoomReadyNewPassword -Upn $rrRoom.Upn
            $rrCredential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList $rrRoom.Upn, $rrSecret
            $rrCredential | Export-Clixml -LiteralPath $rrPath
        }
    }
}

function Assert-RoomReadyEnvironment {
    # Before anything changes: the modules load and every command this script uses exists here.
    param([string]$Where, [string[]]$Modules, [string[]]$Commands)
    foreach ($rrModule in $Modules) {
        if ($null -ne (Get-Module -Name $rrModule)) { continue }
        try { Import-Module -Name $rrModule -ErrorAction 'Stop' }
        catch {
            Write-Host ('Run this script in {0}. The module {1} could not be loaded ({2}); install it with: Install-Module -Name {1} -Scope CurrentUser' -f $Where, $rrModule, $_.Exception.Message)
            exit 2
        }
    }
    $rrMissing = @($Commands | Where-Object { $null -eq (Get-Command -Name $_ -ErrorAction 'SilentlyContinue') })
    if ($rrMissing.Count -gt 0) {
        Write-Host ('Run this script in {0}. These commands are missing here: {1}' -f $Where, ($rrMissing -join ', '))
        exit 2
    }
}

function Invoke-RoomReadyConnect {
    # Connecting changes nothing in the tenant, so it also runs under -WhatIf.
    param([scriptblock]$Connect)
    $WhatIfPreference = $false
    try { $null = & $Connect }
    catch {
        Write-Host ('Could not connect: {0}' -f $_.Exception.Message)
        exit 2
    }
}

function Assert-RoomReadyRoomFilter {
    # A -Room name that matches no room of this script is most likely a typo: say so.
    $rrKnown = @($script:RoomReadyRooms | ForEach-Object { $_.Upn })
    foreach ($rrName in @($script:Room)) {
        if ($null -ne $rrName -and $rrKnown -notcontains $rrName) { Write-Warning ('-Room {0} matches no room in this script.' -f $rrName) }
    }
}

function Write-RoomReadySummary {
    $rrParts = @($script:RoomReadyStatusCounts.Keys | ForEach-Object { '{0} {1}' -f $script:RoomReadyStatusCounts[$_], $_ })
    Write-Host ('RoomReady {0} script finished: {1}.' -f $script:RoomReadyRuntime, ($rrParts -join ', '))
}
`;

export const LIBRARY_ROOM_LIST = String.raw`
function Test-RoomReadyListHasMember {
    param([string]$Member, [scriptblock]$Read)
    $WhatIfPreference = $false
    $rrMembers = @()
    try { $rrMembers = @(& $Read) }
    catch { if (-not (Test-RoomReadyNotFound -ErrorRecord $_)) { throw } }
    foreach ($rrMember in $rrMembers) {
        foreach ($rrName in @('PrimarySmtpAddress', 'WindowsEmailAddress', 'UserPrincipalName')) {
            if ([string](Get-RoomReadyProperty -InputObject $rrMember -Name $rrName) -eq $Member) { return $true }
        }
    }
    return $false
}

function Test-RoomReadyListMembership {
    # room-list step: the group must be a room list (a same-named ordinary group is a failure) and
    # must contain the room. Returns $true when the room still has to be added.
    param($Step, $List, [string]$ListName, [string]$Member, [scriptblock]$Read)
    if ($null -eq $List) {
        if ($Step.Status -eq 'would-change') { Add-RoomReadyChange -Step $Step -Property 'Member' -Before $null -After $Member }
        else { Set-RoomReadyMissing -Step $Step -Name $ListName }
        return $false
    }
    $rrType = [string](Get-RoomReadyProperty -InputObject $List -Name 'RecipientTypeDetails')
    if ($rrType -ne 'RoomList') {
        Set-RoomReadyStatus -Step $Step -Status 'failed' -Message ('A group named {0} exists, but it is {1}, not a room list.' -f $ListName, (Format-RoomReadyValue -Value $rrType))
        return $false
    }
    if (Test-RoomReadyListHasMember -Member $Member -Read $Read) { return $false }
    Add-RoomReadyChange -Step $Step -Property 'Member' -Before $null -After $Member
    Set-RoomReadyStatus -Step $Step -Status 'would-change'
    $Step.Action = 'Add-DistributionGroupMember'
    return $true
}

function Confirm-RoomReadyListMember {
    param($Step, [string]$Member, [scriptblock]$Read)
    foreach ($rrDelay in @(0) + $script:RoomReadyRetryDelaysSeconds) {
        Start-Sleep -Seconds $rrDelay
        if (Test-RoomReadyListHasMember -Member $Member -Read $Read) { return }
    }
    Set-RoomReadyStatus -Step $Step -Status 'pending' -Message 'Added, but the room list does not show the room yet; run this script again later.'
}
`;

export const LIBRARY_LICENSE = String.raw`
function Get-RoomReadySubscribedSkus {
    # Read once per script: every licence step of every room uses the same list.
    if ($null -eq $script:RoomReadySkus) {
        $WhatIfPreference = $false
        $script:RoomReadySkus = @(Get-MgSubscribedSku -All:$true -ErrorAction 'Stop')
    }
    return $script:RoomReadySkus
}

function Get-RoomReadyLicenseToAssign {
    # The licence step's checks before Set-MgUserLicense: the user exists, the tenant has the SKU
    # (part number compared case-insensitively) with a free unit, and the user lacks it.
    # Returns the SKU to assign, or $null when there is nothing to assign (or it cannot be).
    param($Step, $User, [string]$SkuPartNumber)
    if ($null -eq $User) {
        Set-RoomReadyMissing -Step $Step
        return $null
    }
    $rrSku = @(Get-RoomReadySubscribedSkus | Where-Object { [string](Get-RoomReadyProperty -InputObject $_ -Name 'SkuPartNumber') -eq $SkuPartNumber }) | Select-Object -First 1
    if ($null -eq $rrSku) {
        Set-RoomReadyStatus -Step $Step -Status 'failed' -Message ('The tenant has no subscription with the SKU {0} (Get-MgSubscribedSku).' -f $SkuPartNumber)
        return $null
    }
    $rrSkuId = [string](Get-RoomReadyProperty -InputObject $rrSku -Name 'SkuId')
    $rrAssigned = @(Get-RoomReadyProperty -InputObject $User -Name 'AssignedLicenses' | ForEach-Object { [string](Get-RoomReadyProperty -InputObject $_ -Name 'SkuId') })
    if ($rrAssigned -contains $rrSkuId) { return $null }
    $rrEnabled = [int](Get-RoomReadyProperty -InputObject (Get-RoomReadyProperty -InputObject $rrSku -Name 'PrepaidUnits') -Name 'Enabled')
    $rrConsumed = [int](Get-RoomReadyProperty -InputObject $rrSku -Name 'ConsumedUnits')
    if ($rrEnabled - $rrConsumed -le 0) {
        Set-RoomReadyStatus -Step $Step -Status 'failed' -Message ('No free unit of {0}: {1} enabled, {2} consumed.' -f $SkuPartNumber, $rrEnabled, $rrConsumed)
        return $null
    }
    Add-RoomReadyChange -Step $Step -Property 'License' -Before $null -After $SkuPartNumber
    Set-RoomReadyStatus -Step $Step -Status 'would-change'
    $Step.Action = 'Set-MgUserLicense -AddLicenses ' + $SkuPartNumber
    return $rrSku
}

function Confirm-RoomReadyLicense {
    param($Step, [string]$SkuId, [scriptblock]$Read)
    foreach ($rrDelay in @(0) + $script:RoomReadyRetryDelaysSeconds) {
        Start-Sleep -Seconds $rrDelay
        $rrUser = Read-RoomReadyState -Step $Step -Read $Read -AfterWrite
        $rrAssigned = @(Get-RoomReadyProperty -InputObject $rrUser -Name 'AssignedLicenses' | ForEach-Object { [string](Get-RoomReadyProperty -InputObject $_ -Name 'SkuId') })
        if ($rrAssigned -contains $SkuId) { return }
    }
    Set-RoomReadyStatus -Step $Step -Status 'failed' -Message 'Set-MgUserLicense ran, but reading the account back does not show the licence.'
}
`;

export const LIBRARY_GROUP = String.raw`
# Groups found by display name, read once per script: every room's step uses the same answer.
$RoomReadyGroups = @{}

function Get-RoomReadyGroupId {
    # group-membership step: the id of the one group with this display name, or $null when there is
    # none or more than one (the step then failed: RoomReady never guesses which group is meant).
    param($Step, [string]$GroupName, [scriptblock]$Read)
    $WhatIfPreference = $false
    if (-not $script:RoomReadyGroups.ContainsKey($GroupName)) { $script:RoomReadyGroups[$GroupName] = @(& $Read) }
    $rrGroups = @($script:RoomReadyGroups[$GroupName])
    if ($rrGroups.Count -eq 0) {
        Set-RoomReadyStatus -Step $Step -Status 'failed' -Message ('There is no group named {0} in Microsoft Entra ID.' -f $GroupName)
        return $null
    }
    if ($rrGroups.Count -gt 1) {
        Set-RoomReadyStatus -Step $Step -Status 'failed' -Message ('{0} groups are named {1}; rename all but one, or name the group to use.' -f $rrGroups.Count, $GroupName)
        return $null
    }
    return [string](Get-RoomReadyProperty -InputObject $rrGroups[0] -Name 'Id')
}

function Test-RoomReadyGroupHasMember {
    param([string]$GroupId, [scriptblock]$Read)
    $WhatIfPreference = $false
    foreach ($rrMembership in @(& $Read)) {
        if ([string](Get-RoomReadyProperty -InputObject $rrMembership -Name 'Id') -eq $GroupId) { return $true }
    }
    return $false
}

function Test-RoomReadyGroupMembership {
    # Returns the user's id when the room still has to be added to the group, else $null.
    param($Step, [string]$GroupId, [string]$GroupName, $User, [scriptblock]$Read)
    if ($null -eq $User) {
        Set-RoomReadyMissing -Step $Step
        if ($Step.Status -eq 'would-change') { Add-RoomReadyChange -Step $Step -Property 'MemberOf' -Before $null -After $GroupName }
        return $null
    }
    if (Test-RoomReadyGroupHasMember -GroupId $GroupId -Read $Read) { return $null }
    Add-RoomReadyChange -Step $Step -Property 'MemberOf' -Before $null -After $GroupName
    Set-RoomReadyStatus -Step $Step -Status 'would-change'
    $Step.Action = 'New-MgGroupMember'
    return [string](Get-RoomReadyProperty -InputObject $User -Name 'Id')
}

function Assert-RoomReadyAlreadyMember {
    # New-MgGroupMember failed: Graph's "One or more added object references already exist" means an
    # earlier attempt (whose answer was lost) added the room, which is the state wanted; else rethrow.
    param($ErrorRecord)
    if ([string]$ErrorRecord.Exception.Message -notmatch 'already exist') { throw $ErrorRecord }
}

function Confirm-RoomReadyGroupMember {
    param($Step, [string]$GroupId, [scriptblock]$Read)
    foreach ($rrDelay in @(0) + $script:RoomReadyRetryDelaysSeconds) {
        Start-Sleep -Seconds $rrDelay
        if (Test-RoomReadyGroupHasMember -GroupId $GroupId -Read $Read) { return }
    }
    Set-RoomReadyStatus -Step $Step -Status 'pending' -Message 'Added, but the account''s memberships do not show the group yet; run this script again later.'
}
`;

export const LIBRARY_GRAPH_CONTEXT = String.raw`
function Test-RoomReadyGraphContext {
    # Connected to the right cloud with the scopes this script needs (app-only: the app's roles decide).
    param($Context, [string[]]$Scopes, [string]$Environment)
    if ($null -eq $Context) { return $false }
    if ([string](Get-RoomReadyProperty -InputObject $Context -Name 'Environment') -ne $Environment) { return $false }
    if ([string](Get-RoomReadyProperty -InputObject $Context -Name 'AuthType') -eq 'AppOnly') { return $true }
    $rrGranted = @(Get-RoomReadyProperty -InputObject $Context -Name 'Scopes')
    foreach ($rrScope in $Scopes) {
        if ($rrGranted -notcontains $rrScope) { return $false }
    }
    return $true
}
`;
