# Shared by the bench scripts that take ROUNDS and a scratch folder (source it).

# Exits unless $1 is a whole number above 0.
need_rounds() {
  case $1 in
    '' | *[!0-9]* | 0) echo "ROUNDS must be a whole number above 0, not '$1'" >&2; exit 2 ;;
  esac
}

# Makes the scratch folder $1, which must not exist yet, and removes it when the script ends.
scratch_dir() {
  if [ -e "$1" ]; then
    echo "$1 exists; give a folder that does not" >&2
    exit 2
  fi
  mkdir -p "$1"
  scratch=$1
  trap 'rm -rf "$scratch"' EXIT
}
