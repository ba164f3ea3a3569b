// class: script-escape
// source: original
// expect: run
(1..4).toList().parallelStream().forEach({ 'touch @MARKER@'.execute().waitFor() } as java.util.function.Consumer)
