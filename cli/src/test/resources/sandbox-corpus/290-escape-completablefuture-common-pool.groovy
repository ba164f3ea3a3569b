// class: script-escape
// source: original
// expect: run
java.util.concurrent.CompletableFuture.supplyAsync({ 'touch @MARKER@'.execute().waitFor() } as java.util.function.Supplier).get()
