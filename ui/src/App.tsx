import { useState } from "react";
import type { Erp } from "./api";
import { HomeScreen } from "./screens/HomeScreen";
import { NewSetupScreen } from "./screens/NewSetupScreen";
import { PracticeScreen } from "./screens/PracticeScreen";
import { SetupScreen } from "./screens/SetupScreen";

type View = { name: "home" } | { name: "new"; erp: Erp } | { name: "practice" } | { name: "setup"; id: string };

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
        />
      );
    case "new":
      return <NewSetupScreen initialErp={view.erp} onCreated={open} onCancel={home} />;
    case "practice":
      return <PracticeScreen onCreated={open} onCancel={home} />;
    case "setup":
      return <SetupScreen key={view.id} id={view.id} onHome={home} />;
  }
}
