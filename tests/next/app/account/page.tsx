import Helpers from "./helpers";

export default function Page() {
  return (
    <main id="page">
      account <Helpers />
    </main>
  );
}
