// One knob for the engine's CPU parallelism: LibTorch intra-op threads, OpenMP (FAISS) and OpenBLAS.
// Setting them together avoids oversubscription (three pools of N threads on N cores).
#pragma once

namespace pb {

void setEngineThreads(int threads);  // <= 0: the number of hardware threads
int engineThreads();

// OpenMP's threads (LibTorch's, oneDNN's, FAISS's) spin for a while at the end of every parallel region
// before they sleep: libgomp's default. PatchBank runs threads of its own beside them (images decode
// while the backbone runs; the GUI), and on a machine with few cores the spinning takes their CPU time.
// libgomp reads its wait policy only from the environment the process started with, so an executable
// lists this in its .preinit_array (it runs before any library initialises): the process restarts
// itself once with OMP_WAIT_POLICY=PASSIVE, unless the user chose a policy (OMP_WAIT_POLICY or
// GOMP_SPINCOUNT). Only the dynamic loader's work is done twice. The variable leaves the environment
// again before main().
void restartWithPassiveOpenMp(int argc, char** argv, char** envp);

}  // namespace pb
