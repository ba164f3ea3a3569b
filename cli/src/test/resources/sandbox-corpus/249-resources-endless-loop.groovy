// class: resources
// source: SandboxSpec "a definition that never finishes"
// expect: resources
while (true) { }
