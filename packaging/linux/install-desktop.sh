#!/usr/bin/env bash
# Put Timeline Viewer into the current user's application menu and "Open with" lists.
# Run after installing the app (so `timeline-viewer` is on PATH): bash packaging/linux/install-desktop.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
app_id=org.timelineviewer.TimelineViewer
command -v timeline-viewer >/dev/null || echo "note: timeline-viewer is not on PATH yet; the menu entry will appear once it is"
install -Dm644 "$here/$app_id.desktop" "$data/applications/$app_id.desktop"
install -Dm644 "$here/$app_id.metainfo.xml" "$data/metainfo/$app_id.metainfo.xml"
for png in "$root"/resources/icons/hicolor/*/apps/$app_id.png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  install -Dm644 "$png" "$data/icons/hicolor/$size/apps/$app_id.png"
done
install -Dm644 "$root/resources/icons/app-icon.svg" "$data/icons/hicolor/scalable/apps/$app_id.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "installed $app_id for $(id -un) under $data"
