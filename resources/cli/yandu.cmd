@echo off
:: `yandu` for Windows: runs the bundled CLI with the app's own runtime (Electron as plain Node),
:: the way VS Code ships code.cmd. Add this folder (resources\bin) to PATH to use it anywhere.
:: YANDU_RUNTIME overrides the runtime (the tests point it at node).
setlocal
set "RUNTIME=%~dp0..\..\yandu.exe"
if defined YANDU_RUNTIME set "RUNTIME=%YANDU_RUNTIME%"
set "CLI=%~dp0..\app.asar\out\cli\yandu.cjs"
if not exist "%~dp0..\app.asar" set "CLI=%~dp0..\app\out\cli\yandu.cjs"
set ELECTRON_RUN_AS_NODE=1
"%RUNTIME%" "%CLI%" %*
exit /b %ERRORLEVEL%
