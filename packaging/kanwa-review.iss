; Inno Setup 6 script: a per-user Windows installer for the one-folder bundle dist\kanwa-review\.
; No administrator rights: installs to %LOCALAPPDATA%\Programs\kanwa-review, adds Start-menu
; shortcuts for this user only, registers an uninstaller (Settings > Apps). The user's data
; (%LOCALAPPDATA%\kanwa-review: databases, backups) is never touched by install or uninstall.
;
; Built by .github/workflows/release.yml after the bundle passed its smoke test:
;   iscc /DMyAppVersion=X.Y.Z packaging\kanwa-review.iss
; The version comes from kanwa_review/__init__.py (__version__) through that /D switch.

#ifndef MyAppVersion
  #error Pass the version: iscc /DMyAppVersion=X.Y.Z packaging\kanwa-review.iss
#endif
#define MyAppName "kanwa-review"
#define MyAppExe "kanwa-review.exe"
#define Bundle "..\dist\kanwa-review"

[Setup]
; AppId identifies the app across versions (upgrades replace, the uninstaller finds it): never change it
AppId={{8A757350-48EC-4D19-8071-C24D2A163CE6}
AppName={#MyAppName}
AppVersion={#MyAppVersion}
AppVerName={#MyAppName} {#MyAppVersion}
AppPublisher=The kanwa-review contributors
AppCopyright=MIT License
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#MyAppName}
DefaultGroupName={#MyAppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
LicenseFile=..\LICENSE
SetupIconFile=icons\kanwa-review.ico
UninstallDisplayIcon={app}\{#MyAppExe}
UninstallDisplayName={#MyAppName} {#MyAppVersion}
OutputDir=..\dist\packages
OutputBaseFilename={#MyAppName}-{#MyAppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; the app may be running during an upgrade: ask to close it
CloseApplications=yes
RestartApplications=no
; Code signing (release workflow, only when the certificate secrets exist): the workflow signs
; dist\packages\*.exe with signtool after this script ran; see packaging/README.md.

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion
Source: "..\dist\kanwa-review\_internal\THIRD-PARTY-NOTICES.txt"; DestDir: "{app}"; Flags: ignoreversion

[InstallDelete]
; files of an older version that this one no longer ships
Type: filesandordirs; Name: "{app}\_internal"

; Uninstall removes only the files installed here; the user's data folder stays.

[Icons]
Name: "{autoprograms}\{#MyAppName}"; Filename: "{app}\{#MyAppExe}"; WorkingDir: "{userdocs}"
Name: "{autoprograms}\{#MyAppName} (demo)"; Filename: "{app}\{#MyAppExe}"; Parameters: "--demo"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#MyAppName}"; Filename: "{app}\{#MyAppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\{#MyAppExe}"; Description: "{cm:LaunchProgram,{#MyAppName}}"; Flags: nowait postinstall skipifsilent

