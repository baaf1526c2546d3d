#include "ui/TrainingFeed.h"

namespace pb::ui {

std::shared_ptr<TrainingFeed> TrainingFeed::create() {
    // The engine thread may hold the last reference: the feed is then deleted on the GUI thread.
    return std::shared_ptr<TrainingFeed>(new TrainingFeed, [](TrainingFeed* feed) { feed->deleteLater(); });
}

}  // namespace pb::ui
