package main
import ("encoding/json";"os";"github.com/stacklint/stacklint/internal/snapshot";"github.com/stacklint/stacklint/internal/model")
func main(){ s,_:=snapshot.Discover(os.Args[1]); d:=model.Build(s); e:=json.NewEncoder(os.Stdout); e.SetIndent("","  "); e.Encode(d.Doc)}
