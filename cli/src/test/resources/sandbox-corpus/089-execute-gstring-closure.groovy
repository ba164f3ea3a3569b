// class: method
// source: original
// expect: run
// The closure inside the GString runs whenever the DSL turns the name into text.
vmwareSite("${-> 'touch @MARKER@'.execute().waitFor(); 'lab'}") { network 'VM Network' }
