// faiss-node 0.5.1 is written against faiss 1.7.4, which declares faiss::idx_t; Debian's faiss 1.7.3 keeps it
// inside faiss::Index only. Both are int64_t, so declaring the alias again is harmless on either version.
#pragma once
#include <cstdint>
namespace faiss {
using idx_t = int64_t;
}
