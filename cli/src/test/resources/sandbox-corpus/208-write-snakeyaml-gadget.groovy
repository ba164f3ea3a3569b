// class: file-write
// source: original (SnakeYAML global tag creates a FileOutputStream)
// expect: write
def y = new org.yaml.snakeyaml.Yaml()
y.load('!!java.io.FileOutputStream ["@CANARY_WRITE@"]')
