// class: include
// source: original (a symbolic link among the definition files)
// expect: read
// zz.groovy beside this file is a link to the secret: the loader reads every .groovy file of the folder.
def nothing = 1
// ---- symlink zz.groovy -> @CANARY_READ@
