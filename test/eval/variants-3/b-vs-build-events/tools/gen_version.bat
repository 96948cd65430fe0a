@echo off
rem Writes a version header from git describe (falls back to 0.0.0).
setlocal
set OUT=%~1
for /f %%i in ('git describe --tags --always 2^>nul') do set VER=%%i
if "%VER%"=="" set VER=0.0.0
if not exist "%~dp1" mkdir "%~dp1"
> "%OUT%" echo #pragma once
>> "%OUT%" echo #define IMAGETOOL_VERSION "%VER%"
endlocal
