#!/usr/bin/env bash
# Installs everything Mentorat needs to build, run and test, from the package
# registries only (Debian, crates.io, npm). Idempotent: what is already present at
# the right version is skipped. Run it as root, or as a user with sudo for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION="0.3.10" # 0.3.11 needs rustc 1.96
BINARYEN_VERSION="132.0.0"    # wasm-opt; never Debian's binaryen 108 (breaks hydration)
# sqlite3: the end-to-end tests read the emails an action sent from the test database.
DEBIAN_PACKAGES=(build-essential pkg-config chromium sqlite3)

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
ok() { printf '    %s\n' "$*"; }
fail() {
  printf '\nsetup: %s\n' "$*" >&2
  exit 1
}

as_root() {
  if [ "$(id -u)" = "0" ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    fail "'$*' needs root: run this script as root or install sudo"
  fi
}

step "Base tools"
command -v cargo >/dev/null 2>&1 || fail "cargo is missing: install Rust stable with rustup (https://rustup.rs) first"
command -v rustup >/dev/null 2>&1 || fail "rustup is missing: the wasm32 target is installed through rustup"
command -v node >/dev/null 2>&1 || fail "node is missing: install Node.js 20 or newer (with npm)"
command -v npm >/dev/null 2>&1 || fail "npm is missing: install npm with Node.js"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || fail "Node.js $node_major is too old: Playwright needs 20 or newer"
ok "cargo $(cargo --version | cut -d' ' -f2), node $(node --version)"

step "Debian packages: ${DEBIAN_PACKAGES[*]}"
missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || fail "missing ${missing[*]}, and apt-get is not available to install them"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  ok "already installed"
fi
if dpkg-query -W -f='${Status}' binaryen 2>/dev/null | grep -q "install ok installed"; then
  # Its wasm-opt (version 108) silently breaks hydration: the page renders, then the
  # browser throws `WebAssembly.Table.set(): Argument 1 is invalid`.
  step "Removing Debian's binaryen (its wasm-opt breaks hydration)"
  as_root apt-get remove -y -qq binaryen
fi

step "Rust: wasm32 target, rustfmt, clippy"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  ok "wasm32-unknown-unknown already installed"
else
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if rustup component list --installed | grep -q "^$component"; then
    ok "$component already installed"
  else
    rustup component add "$component"
  fi
done

step "cargo-leptos $CARGO_LEPTOS_VERSION"
if cargo leptos --version 2>/dev/null | grep -q " $CARGO_LEPTOS_VERSION\$"; then
  ok "already installed"
else
  # Its own release profile (fat LTO) takes up to 43 min on 2 cores; these
  # overrides bring it to about 16 min and the tool behaves the same.
  CARGO_PROFILE_RELEASE_LTO=false \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
fi

# cargo-leptos runs whatever wasm-bindgen is on PATH without checking its version:
# it must equal the wasm-bindgen crate in Cargo.lock, or hydration fails.
wasm_bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$wasm_bindgen_version" ] || fail "cannot read the wasm-bindgen version from Cargo.lock"
step "wasm-bindgen-cli $wasm_bindgen_version (the version in Cargo.lock)"
if wasm-bindgen --version 2>/dev/null | grep -q " $wasm_bindgen_version\$"; then
  ok "already installed"
else
  # Not --locked: its lockfile pins a crate the registry here does not serve.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi

step "wasm-opt (npm binaryen $BINARYEN_VERSION), used by release builds"
if wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  ok "already installed"
else
  npm install --global --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
fi

step "Browser-test packages (end2end/)"
if (cd end2end && [ -d node_modules ] && npm ls --depth=0 >/dev/null 2>&1); then
  ok "already installed"
else
  # Playwright drives Debian's Chromium; it must not try to download its own.
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

step "Check"
for tool in cargo-leptos wasm-bindgen wasm-opt chromium; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is still missing after setup (is ~/.cargo/bin and npm's global bin folder on PATH?)"
done
ok "cargo-leptos $(cargo leptos --version | awk '{print $2}'), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), $(wasm-opt --version), $(chromium --version 2>/dev/null | head -n1)"
printf '\nSetup complete.\n'
