import { useState } from "react";
import type { Erp } from "./api";
import { CompareScreen } from "./screens/CompareScreen";
import { HomeScreen } from "./screens/HomeScreen";
import { ImportScreen } from "./screens/ImportScreen";
import { MaintainScreen } from "./screens/MaintainScreen";
import { NewSetupScreen } from "./screens/NewSetupScreen";
import { PracticeScreen } from "./screens/PracticeScreen";
import { ProfilesScreen } from "./screens/ProfilesScreen";
import { SetupScreen } from "./screens/SetupScreen";

type View =
  | { name: "home" }
  | { name: "new"; erp: Erp }
  | { name: "practice" }
  | { name: "setup"; id: string }
  | { name: "maintain"; id: string }
  | { name: "import" }
  | { name: "compare"; before?: string }
  | { name: "profiles" };

export function App() {
  const [view, setView] = useState<View>({ name: "home" });
  const home = () => setView({ name: "home" });
  const open = (id: string) => setView({ name: "setup", id });

  switch (view.name) {
    case "home":
      return (
        <HomeScreen
          onNew={(erp) => setView({ name: "new", erp })}
          onPractice={() => setView({ name: "practice" })}
          onOpen={open}
          onImport={() => setView({ name: "import" })}
          onCompare={() => setView({ name: "compare" })}
          onProfiles={() => setView({ name: "profiles" })}
        />
      );
    case "import":
      return <ImportScreen onHome={home} onOpen={open} onCompare={(path) => setView({ name: "compare", before: path })} />;
    case "compare":
      return <CompareScreen onHome={home} initialBefore={view.before} />;
    case "profiles":
      return <ProfilesScreen onHome={home} />;
    case "new":
      return <NewSetupScreen initialErp={view.erp} onCreated={open} onCancel={home} />;
    case "practice":
      return <PracticeScreen onCreated={open} onCancel={home} />;
    case "setup":
      return (
        <SetupScreen key={view.id} id={view.id} onHome={home} onMaintain={() => setView({ name: "maintain", id: view.id })} />
      );
    case "maintain":
      return <MaintainScreen key={view.id} id={view.id} onHome={home} onBack={() => open(view.id)} />;
  }
}
