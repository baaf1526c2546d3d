#!/usr/bin/env bash
# Installs every Debian package PatchBank needs (once), configures and builds it.
#   ./setup.sh            build into ./build (Release, GUI when Qt 6 is present)
#   PATCHBANK_BUILD_GUI=OFF ./setup.sh   engine and CLI only
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  libtorch-dev libfaiss-dev libopencv-dev libeigen3-dev nlohmann-json3-dev libcurl4-openssl-dev
  libopenblas0-pthread libopenblas-dev
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqcustomplot-dev libqcustomplot2.1-qt6 libqt6svg6 qt6-svg-dev libgl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  xvfb xauth
  slurm-wlm munge
  python3-torch python3-numpy python3-pil
  libcsv-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libpng-dev libjpeg-dev libtiff-dev libwebp-dev zlib1g-dev libdeflate-dev
  clang libclang-rt-14-dev
  desktop-file-utils appstream dpkg-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Slurm and MUNGE are here for the job-array test, which runs daemons of its own: the system's that
  # the packages' scripts may have started (slurmctld and slurmd without a slurm.conf) are stopped and
  # disabled, but only those this run installed.
  services=()
  [[ " ${missing[*]} " == *" slurm-wlm "* ]] && services+=(slurmctld slurmd)
  [[ " ${missing[*]} " == *" munge "* ]] && services+=(munge)
  for service in "${services[@]}"; do
    if [ -d /run/systemd/system ]; then
      $SUDO systemctl disable --now "$service" >/dev/null 2>&1 || true
    elif [ -x "/etc/init.d/$service" ]; then
      $SUDO "/etc/init.d/$service" stop >/dev/null 2>&1 || true
    fi
  done
fi

# LibTorch must use OpenBLAS: Debian's reference BLAS is ~20x slower on GEMM.
if command -v update-alternatives >/dev/null; then
  blas=$(update-alternatives --list libblas.so.3-x86_64-linux-gnu 2>/dev/null | grep openblas-pthread | head -n1 || true)
  [ -n "$blas" ] && ${SUDO:-} update-alternatives --set libblas.so.3-x86_64-linux-gnu "$blas" >/dev/null 2>&1 || true
  lapack=$(update-alternatives --list liblapack.so.3-x86_64-linux-gnu 2>/dev/null | grep openblas-pthread | head -n1 || true)
  [ -n "$lapack" ] && ${SUDO:-} update-alternatives --set liblapack.so.3-x86_64-linux-gnu "$lapack" >/dev/null 2>&1 || true
fi

# ccache: relative paths so that clones in other folders share hits; PCH-friendly sloppiness.
export CCACHE_BASEDIR="$PWD"
export CCACHE_SLOPPINESS="pch_defines,time_macros,include_file_mtime,include_file_ctime"
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"

BUILD_DIR=${PATCHBANK_BUILD_DIR:-build}
GUI=${PATCHBANK_BUILD_GUI:-ON}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPATCHBANK_BUILD_GUI="$GUI" >/dev/null
fi
JOBS=${PATCHBANK_JOBS:-$(nproc)}
cmake --build "$BUILD_DIR" -j "$JOBS"
