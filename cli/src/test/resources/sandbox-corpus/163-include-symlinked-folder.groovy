// class: include
// source: original (a pull request can add a symbolic link)
// expect: read
// shared is a symbolic link to a folder outside the definition.
include 'shared/secret.txt'
// ---- symlink shared -> @CANARY_DIR@
