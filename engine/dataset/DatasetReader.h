// Recognises the folder layout of a data set (MVTec AD, VisA, BTAD, MVTec LOCO or a plain
// folder of images) and lists its samples. Listing never decodes an image: corrupt files are
// reported later by the decoder, so opening thousands of files stays fast.
#pragma once
#include <filesystem>
#include <string>

#include "engine/dataset/Dataset.h"
#include "engine/util/Progress.h"

namespace pb {

// True when the file name ends in png, jpg, jpeg, bmp, tif or tiff (any case).
bool isImageFile(const std::filesystem::path& path);

// "mvtec", "visa", "btad", "mvtec_loco" or "folder". Throws pb::Error for a missing or unreadable
// folder, or one with neither a recognisable layout nor any image.
std::string detectLayout(const std::filesystem::path& root);

// Lists a data set; root may be the data set root (holding product folders) or one product folder.
// Missing masks, stray files and empty splits become Problems (also sent to progress) and the
// listing goes on. Throws pb::Error as detectLayout does, or for an unreadable VisA split file.
Dataset openDataset(const std::filesystem::path& root, const Progress* progress = nullptr);

}  // namespace pb
