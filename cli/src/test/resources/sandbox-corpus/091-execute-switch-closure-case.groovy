// class: method
// source: original
// expect: run
switch ('touch @MARKER@') {
    case { it.execute().waitFor() == 0 }: break
    default: break
}
