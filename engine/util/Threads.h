// One knob for the engine's CPU parallelism: LibTorch intra-op threads, OpenMP (FAISS) and OpenBLAS.
// Setting them together avoids oversubscription (three pools of N threads on N cores).
#pragma once

namespace pb {

void setEngineThreads(int threads);  // <= 0: the number of hardware threads
int engineThreads();

}  // namespace pb
