# faiss-node's addon against Debian's static libfaiss.a (scripts/faiss/build-faiss-node.sh). RTTI stays on:
# node-gyp turns it off by default, and faiss's write_index dynamic_casts the index (a crash without it).
{
  "targets": [
    {
      "target_name": "faiss-node",
      "sources": ["src/faiss.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_CPP_EXCEPTIONS", "NAPI_VERSION=8"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti"],
      "cflags_cc": ["-std=c++17", "-fexceptions", "-frtti", "-w", "-fopenmp", "-include", "<(module_root_dir)/faiss-idx-t.h"],
      "libraries": ["-lfaiss", "-fopenmp", "-lblas", "-llapack"]
    }
  ]
}
