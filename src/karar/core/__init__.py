"""Pure-Python core of Karar: the tree model, Mermaid reader and writers, layout,
project files and reports. Nothing here imports Qt."""
