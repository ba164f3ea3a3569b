// class: include
// source: original (a pull request can add a symbolic link)
// expect: read
// _notes.groovy is a symbolic link to a file outside the definition.
include '_notes.groovy'
// ---- symlink _notes.groovy -> @CANARY_READ@
