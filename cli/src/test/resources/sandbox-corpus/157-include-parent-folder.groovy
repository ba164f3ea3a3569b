// class: include
// source: SandboxSpec "an include"
// expect: read
include '../outside/secret.txt'
