#include "engine/backbone/CnnArchitecture.h"

#include "engine/backbone/MobileNetV2.h"
#include "engine/backbone/ResNet.h"

namespace pb {

std::unique_ptr<CnnArchitecture> CnnArchitecture::create(const std::string& name) {
    if (name == "mobilenetv2_100") return std::make_unique<MobileNetV2>();
    if (name == "resnet18") return std::make_unique<ResNet>(name, std::vector<int>{2, 2, 2, 2}, false, 1);
    if (name == "resnet50") return std::make_unique<ResNet>(name, std::vector<int>{3, 4, 6, 3}, true, 1);
    if (name == "wide_resnet50_2") return std::make_unique<ResNet>(name, std::vector<int>{3, 4, 6, 3}, true, 2);
    return nullptr;
}

std::vector<std::string> CnnArchitecture::names() { return {"mobilenetv2_100", "resnet18", "resnet50", "wide_resnet50_2"}; }

}  // namespace pb
