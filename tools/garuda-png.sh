#!/bin/sh
# The emblem as a PNG for the Word file (Word has no place for the vector drawing the PDF
# uses): public/garuda.svg rendered by Chromium at 600×600 on a transparent background,
# saved grey with alpha. Run once when the emblem changes; the result is committed.
set -e
dir=$(mktemp -d)
cp public/garuda.svg "$dir/"
echo '<html><body style="margin:0;background:transparent"><img src="garuda.svg" style="width:600px;height:600px;display:block"></body></html>' > "$dir/g.html"
chromium --headless --disable-gpu --no-sandbox --disable-background-networking --disable-component-update \
  --no-first-run --hide-scrollbars --screenshot="$dir/g.png" --window-size=600,600 \
  --default-background-color=00000000 "file://$dir/g.html"
python3 -c "from PIL import Image; Image.open('$dir/g.png').convert('LA').save('src/docx/garuda.png', optimize=True)"
rm -r "$dir"
