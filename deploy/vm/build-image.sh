#!/usr/bin/env bash
# Builds the Debian 12 (bookworm) guest for the systemd VM test (Bot.Tests/Deploy/SystemdVmTests.cs):
# a plain Debian server as a newcomer would have it (debootstrap's required + important packages,
# the kernel, OpenSSH, D-Bus, CA certificates) and nothing the deployment notes should install
# themselves: no .NET, no libicu, no sudo. The guest has no network to the outside (qemu's
# restrict=on), so the packages the notes install (libicu72) wait in apt's cache, not installed:
# `apt-get install` in the guest takes them from there, and fails for a package the notes name
# but this script did not foresee, as it would fail on a server for a misspelt one.
#
#   build-image.sh OUT_DIR
#
# Writes into OUT_DIR: disk.img (raw ext4, the root file system), vmlinuz, initrd.img and the key
# pair id_ed25519{,.pub} that the test logs in with as root. Needs root, debootstrap, mke2fs and
# Debian's package mirror. No loop mounts: the file system is made from the folder (mke2fs -d).
set -euo pipefail

out=${1:?usage: build-image.sh OUT_DIR}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
mkdir -p "$out"
work=$(mktemp -d "$out/build.XXXXXX")
root="$work/root"

cleanup() {
  # debootstrap unmounts what it mounted; this is for an interrupted build.
  for m in proc sys dev/pts dev; do
    mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m" || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

debootstrap --include=linux-image-amd64,openssh-server,dbus,ca-certificates \
  bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -n 40 "$work/debootstrap.log" >&2
  [ -f "$root/debootstrap/debootstrap.log" ] && tail -n 40 "$root/debootstrap/debootstrap.log" >&2
  exit 1
}

echo challengebot-vm >"$root/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 challengebot-vm\n' >"$root/etc/hosts"
printf '/dev/vda / ext4 rw,errors=remount-ro 0 1\n' >"$root/etc/fstab"
printf 'deb %s bookworm main\n' "$mirror" >"$root/etc/apt/sources.list"

# Networking: DHCP from qemu's user network, so network-online.target means something.
mkdir -p "$root/etc/systemd/network"
printf '[Match]\nName=en*\n\n[Network]\nDHCP=ipv4\n' >"$root/etc/systemd/network/10-wired.network"
chroot "$root" systemctl enable systemd-networkd.service systemd-networkd-wait-online.service >/dev/null 2>&1
# The guest has no way out (qemu's restrict=on): keep apt's daily timers from trying.
chroot "$root" systemctl disable apt-daily.timer apt-daily-upgrade.timer >/dev/null 2>&1 || true

# Root logs in over SSH with the test's key only.
ssh-keygen -q -t ed25519 -N '' -C challengebot-vm-test -f "$work/id_ed25519"
install -d -m 0700 "$root/root/.ssh"
install -m 0600 "$work/id_ed25519.pub" "$root/root/.ssh/authorized_keys"
printf 'UseDNS no\nPasswordAuthentication no\n' >"$root/etc/ssh/sshd_config.d/vm-test.conf"

# apt's lists, and the packages deploy/README.md installs, downloaded but not installed.
cp /etc/resolv.conf "$root/etc/resolv.conf"
chroot "$root" apt-get update -qq >/dev/null
rm -f "$root"/var/cache/apt/archives/*.deb
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -qq --download-only -y libicu72 >/dev/null
rm -f "$root/etc/resolv.conf"

kernel=$(ls "$root"/boot/vmlinuz-* | sort -V | tail -n 1)
initrd=$(ls "$root"/boot/initrd.img-* | sort -V | tail -n 1)
cp "$kernel" "$work/vmlinuz"
cp "$initrd" "$work/initrd.img"
rm -rf "$root/debootstrap"

mke2fs -q -F -t ext4 -L root -d "$root" "$work/disk.img" 4G

for f in disk.img vmlinuz initrd.img id_ed25519 id_ed25519.pub; do
  mv "$work/$f" "$out/$f"
done
echo "image ready in $out"
