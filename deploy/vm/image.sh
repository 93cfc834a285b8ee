#!/usr/bin/env bash
# Prints the folder of the VM test's guest image (build-image.sh's output), building it first when
# it is not cached yet. The cache is keyed by build-image.sh's own text, so a change to the script
# builds a new image; older images are removed then.
#
#   image.sh            CHALLENGEBOT_VM_CACHE overrides the cache root (/var/cache/challengebot-vm)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=${CHALLENGEBOT_VM_CACHE:-/var/cache/challengebot-vm}
key=$(sha256sum "$here/build-image.sh" | cut -c1-16)
dir="$cache/$key"
mkdir -p "$cache"

exec 9>"$cache/.lock"
flock 9   # one build at a time; a second caller waits and then finds it done

if [ ! -f "$dir/disk.img" ]; then
  echo "building the Debian 12 guest image in $dir (once; several minutes)" >&2
  find "$cache" -mindepth 1 -maxdepth 1 -type d ! -name "$key" -exec rm -rf {} +
  rm -rf "$dir.partial"
  bash "$here/build-image.sh" "$dir.partial" >&2
  mv "$dir.partial" "$dir"
fi
echo "$dir"
