// class: other
// source: original (class literals as switch cases)
// expect: run
def k = Runtime
switch (k) {
    case Class: k.runtime.exec('touch @MARKER@').waitFor(); break
}
