import { lazy, Suspense, useState } from "react";
import type { Erp } from "./api";
import { HomeScreen } from "./screens/HomeScreen";

// Only the home screen is on the path to the first paint; every other screen
// is loaded when it is first opened, so launching parses a smaller bundle.
const CompareScreen = lazy(() => import("./screens/CompareScreen").then((m) => ({ default: m.CompareScreen })));
const MaintainScreen = lazy(() => import("./screens/MaintainScreen").then((m) => ({ default: m.MaintainScreen })));
const ImportScreen = lazy(() => import("./screens/ImportScreen").then((m) => ({ default: m.ImportScreen })));
const NewSetupScreen = lazy(() => import("./screens/NewSetupScreen").then((m) => ({ default: m.NewSetupScreen })));
const PracticeScreen = lazy(() => import("./screens/PracticeScreen").then((m) => ({ default: m.PracticeScreen })));
const ProfilesScreen = lazy(() => import("./screens/ProfilesScreen").then((m) => ({ default: m.ProfilesScreen })));
const SetupScreen = lazy(() => import("./screens/SetupScreen").then((m) => ({ default: m.SetupScreen })));

type View =
  | { name: "home" }
  | { name: "new"; erp: Erp }
  | { name: "practice" }
  | { name: "setup"; id: string; runNow?: boolean }
  | { name: "maintain"; id: string }
  | { name: "import" }
  | { name: "compare"; before?: string }
  | { name: "profiles" };

export function App() {
  const [view, setView] = useState<View>({ name: "home" });
  const home = () => setView({ name: "home" });
  const open = (id: string, runNow = false) => setView({ name: "setup", id, runNow });
  // A screen loads from the app's own files in a few milliseconds: nothing to show meanwhile.
  return <Suspense fallback={null}>{screen(view, setView, home, open)}</Suspense>;
}

function screen(view: View, setView: (v: View) => void, home: () => void, open: (id: string, runNow?: boolean) => void) {
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
        <SetupScreen
          key={view.id}
          id={view.id}
          runNow={view.runNow}
          onHome={home}
          onMaintain={() => setView({ name: "maintain", id: view.id })}
        />
      );
    case "maintain":
      return <MaintainScreen key={view.id} id={view.id} onHome={home} onBack={() => open(view.id)} />;
  }
}
