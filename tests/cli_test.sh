#!/bin/sh
# placeholder: end-to-end tests land with the summarize command
echo "0 passed, 0 failed"
