#!/usr/bin/env bash
# Builds DermDesk's native installer: a jlink-trimmed runtime, a jpackage app-image and a Debian .deb,
# all under target/installer/. The native libraries (libtorch, DJL's JNI, OpenCV/OpenBLAS, JavaFX, JNA)
# are unpacked here, once, into the app image; the launcher points the libraries at them, so a first
# run writes nothing to the user's home and never tries the network.
#
#   installer/build.sh                  app-image + .deb
#   installer/build.sh --app-image-only app-image only (CI smoke test)
#
# Needs JDK 17 (jdeps, jlink, jpackage), unzip, zip, binutils (strip); the .deb also fakeroot and dpkg-deb.
# MVN_ARGS (e.g. "-o") is passed to Maven when target/dermdesk.jar has to be (re)built.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

APP_IMAGE_ONLY=false
for arg in "$@"; do
  case "$arg" in
    --app-image-only) APP_IMAGE_ONLY=true ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

NAME=dermdesk
MAIN_CLASS=org.dermdesk.app.Main
MODEL=mobilenet-v2-ft-128                     # ModelLocator.DEFAULT_MODEL
# modules jdeps cannot see (reflection, JNI, service loading, TLS for nothing but safety)
EXTRA_MODULES="jdk.unsupported,jdk.unsupported.desktop,java.desktop,java.prefs,java.logging,java.management,java.naming,java.xml,java.sql,java.scripting,jdk.crypto.ec,jdk.zipfs,jdk.localedata"

JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}"
for tool in jdeps jlink jpackage java jar; do
  command -v "${JAVA_BIN}$tool" >/dev/null || { echo "build.sh: ${JAVA_BIN}$tool not found (needs a JDK 17 with jpackage)" >&2; exit 3; }
done
for tool in unzip zip; do command -v $tool >/dev/null || { echo "build.sh: $tool not found" >&2; exit 3; }; done
command -v strip >/dev/null || { echo "build.sh: strip not found (binutils)" >&2; exit 3; }

# version from pom.xml: the first <version> after the project's own <artifactId>
VERSION="$(sed -n '/<artifactId>dermdesk<\/artifactId>/,/<version>/{s:.*<version>\([^<]*\)</version>.*:\1:p}' pom.xml | head -1)"
[ -n "$VERSION" ] || { echo "build.sh: no version in pom.xml" >&2; exit 3; }
DEB_VERSION="${VERSION%-SNAPSHOT}"

# 1. the jar (and target/lib) — rebuilt when missing or older than the sources
if [ ! -f target/dermdesk.jar ] || [ -n "$(find pom.xml src/main -newer target/dermdesk.jar -print -quit)" ]; then
  echo "== building target/dermdesk.jar"
  mvn -q -B -ntp ${MVN_ARGS:-} -DskipTests package
fi

OUT=target/installer
WORK=$OUT/work
rm -rf "$OUT"
mkdir -p "$WORK/input/lib" "$WORK/input/models" "$WORK/resources"
IN="$WORK/input"

# 2. application input: the jar, its class path (same names as the manifest's Class-Path), the model
echo "== staging input"
cp target/dermdesk.jar "$IN/"
props_only_jar() {   # keep a jar's name and the entries DJL reads, drop its native payload
  local src="$1" dst="$2"; shift 2
  local tmp; tmp="$(mktemp -d)"
  unzip -q "$src" "$@" -d "$tmp"
  "${JAVA_BIN}jar" --create --file "$dst" -C "$tmp" .
  rm -rf "$tmp"
}
for jar in target/lib/*.jar; do
  base="$(basename "$jar")"
  case "$base" in
    pytorch-native-cpu-*) props_only_jar "$jar" "$IN/lib/$base" 'native/lib/pytorch.properties' ;;
    pytorch-jni-*)        props_only_jar "$jar" "$IN/lib/$base" 'jnilib/pytorch.properties' ;;
    *)                    cp "$jar" "$IN/lib/" ;;
  esac
done
mkdir -p "$IN/models/$MODEL"
find "models/$MODEL" -maxdepth 1 -type f -exec cp {} "$IN/models/$MODEL/" \;   # not checkpoint/

# 3. a trimmed runtime
echo "== jlink"
MODULES="$("${JAVA_BIN}jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  --class-path "$IN/lib/*" "$IN/dermdesk.jar" 2>/dev/null || true)"
MODULES="${MODULES:+$MODULES,}$EXTRA_MODULES"
echo "   modules: $MODULES"
"${JAVA_BIN}jlink" --add-modules "$MODULES" --output "$WORK/runtime" \
  --strip-debug --no-header-files --no-man-pages --compress=2

# 4. app-image
echo "== jpackage app-image"
LIBPATH='$APPDIR/native/javacpp:$APPDIR/native/javafx:/usr/java/packages/lib:/usr/lib64:/lib64:/lib:/usr/lib'
JOPTS=(
  --java-options '-Dai.djl.offline=true'
  --java-options '-Xmx1g'
  --java-options '-DENGINE_CACHE_DIR=$APPDIR/native/djl'
  --java-options '-Dorg.bytedeco.javacpp.pathsfirst=true'
  --java-options '-Dorg.bytedeco.javacpp.cachedir=$APPDIR/native'
  --java-options '-Dorg.bytedeco.javacpp.cacheLibraries=false'
  --java-options "-Djava.library.path=$LIBPATH"
  --java-options '-Djna.boot.library.path=$APPDIR/native/jna'
  --java-options '-Djna.nounpack=true'
)
COMMON=(--name "$NAME" --app-version "$DEB_VERSION" --vendor "DermDesk"
  --description "Offline dermoscopy decision-support workstation (decision support only, not a diagnosis)"
  --copyright "Apache License 2.0; model weights non-commercial (CC BY-NC 4.0 training data)")
"${JAVA_BIN}jpackage" --type app-image --dest "$OUT" "${COMMON[@]}" \
  --input "$IN" --main-jar dermdesk.jar --main-class "$MAIN_CLASS" \
  --runtime-image "$WORK/runtime" --icon assets/dermdesk.png "${JOPTS[@]}"
# 5. natives, unpacked once into the app image: lib/app/native/{djl,javacpp,javafx,jna}
#    (added after jpackage, which would copy symbolic links as files)
echo "== unpacking native libraries"
NAT="$OUT/$NAME/lib/app/native"
mkdir -p "$NAT/javacpp" "$NAT/javafx" "$NAT/jna"
native_jar="$(ls target/lib/pytorch-native-cpu-*.jar)"
jni_jar="$(ls target/lib/pytorch-jni-*.jar)"
props="$(unzip -p "$native_jar" native/lib/pytorch.properties | tr -d '\r')"
pt_version="$(sed -n 's/^version=//p' <<<"$props")"
pt_flavor="$(sed -n 's/^flavor=//p' <<<"$props")"
pt_classifier="$(sed -n 's/^classifier=//p' <<<"$props")"
djl_version="$(unzip -p "$jni_jar" jnilib/pytorch.properties | tr -d '\r' | sed -n 's/^jni_version=.*-//p')"
# DJL (LibUtils): with ENGINE_CACHE_DIR set, libtorch is taken from
# ENGINE_CACHE_DIR/pytorch/<version>-<flavor>-<classifier>/ and the JNI library from
# <djl version>-libdjl_torch.so beside it when they exist: nothing is extracted or downloaded
TORCH="$NAT/djl/pytorch/$pt_version-$pt_flavor-$pt_classifier"
mkdir -p "$TORCH"
unzip -q -j "$native_jar" "pytorch/$pt_flavor/$pt_classifier/*" -d "$TORCH"
unzip -q -p "$jni_jar" "jnilib/$pt_classifier/$pt_flavor/libdjl_torch.so" > "$TORCH/$djl_version-libdjl_torch.so"
strip --strip-unneeded "$TORCH/libtorch_cpu.so" "$TORCH/libc10.so" "$TORCH/$djl_version-libdjl_torch.so"
# JavaCPP (OpenCV, OpenBLAS): one flat folder on java.library.path, searched first (pathsFirst).
# OpenBLAS is loaded under a second name (libopenblas_nolapack.so.0), which JavaCPP always "caches";
# with cachedir = native/ (and pathsfirst, spelled in lower case) its cache folder for native/javacpp/* is native/javacpp itself, so a copy
# with the same size and time stamp is accepted as it is. The version-less links JavaCPP would make
# are made here, so even a root user's run changes nothing in the installed tree.
for jar in target/lib/javacpp-*-linux-x86_64.jar target/lib/openblas-*-linux-x86_64.jar target/lib/opencv-*-linux-x86_64.jar; do
  unzip -q -o -j "$jar" 'org/bytedeco/*/linux-x86_64/*.so*' -x '*/python/*' '*cv2*' -d "$NAT/javacpp" >/dev/null 2>&1
done
(
  cd "$NAT/javacpp"
  cp -p libopenblas.so.0 libopenblas_nolapack.so.0
  for f in *.so.*; do
    link="${f%%.so.*}.so"
    [ -e "$link" ] || ln -s "$f" "$link"
  done
)
for jar in target/lib/javafx-*-linux.jar; do
  unzip -q -o -j "$jar" '*.so' -d "$NAT/javafx" 2>/dev/null || true   # javafx-base/-controls have none
done
unzip -q -j "$(ls target/lib/jna-*.jar)" 'com/sun/jna/linux-x86-64/libjnidispatch.so' -d "$NAT/jna"
# the jars' own copies of those libraries are no longer needed (and JavaFX would otherwise unpack its
# own into ~/.openjfx/cache before looking at java.library.path)
for jar in "$OUT/$NAME"/lib/app/lib/javafx-*-linux.jar; do
  zip -q -d "$jar" '*.so' >/dev/null 2>&1 || true
done
for jar in "$OUT/$NAME"/lib/app/lib/{javacpp,openblas,opencv}-*-linux-x86_64.jar; do
  zip -q -d "$jar" 'org/bytedeco/*/linux-x86_64/*.so*' 'org/bytedeco/*/linux-x86_64/python/*' >/dev/null || true
done
echo "   $OUT/$NAME ($(du -sh "$OUT/$NAME" | cut -f1))"

if $APP_IMAGE_ONLY; then
  exit 0
fi

# 6. .deb from that app-image
echo "== jpackage deb"
for tool in fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool not found" >&2; exit 3; }
done
cp assets/dermdesk.desktop "$WORK/resources/$NAME.desktop"
cp assets/dermdesk.png "$WORK/resources/$NAME.png"
"${JAVA_BIN}jpackage" --type deb --dest "$OUT" "${COMMON[@]}" \
  --app-image "$OUT/$NAME" --resource-dir "$WORK/resources" --icon assets/dermdesk.png \
  --license-file LICENSE --install-dir /opt \
  --linux-package-name "$NAME" --linux-deb-maintainer "dermdesk@localhost" \
  --linux-menu-group "Science;MedicalSoftware" --linux-app-category science \
  --linux-package-deps "libgtk-3-0, libgtk2.0-0" --linux-shortcut
ls -l "$OUT"/*.deb
